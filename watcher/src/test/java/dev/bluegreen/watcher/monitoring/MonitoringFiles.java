package dev.bluegreen.watcher.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.TestJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files under {@code monitoring/} the tests read, and what they refer to. */
final class MonitoringFiles {
  /** The repository (tests run in {@code watcher/}). */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static final Path DIR = ROOT.resolve("monitoring");
  static final Path PROMETHEUS = DIR.resolve("prometheus");
  static final Path RULES = PROMETHEUS.resolve("rules.yml");
  static final Path DASHBOARD = DIR.resolve("grafana/dashboards/bluegreen-watch.json");
  static final Path ALERTMANAGER_EXAMPLE = DIR.resolve("alertmanager/alertmanager.yml");

  /** Where tests leave what they saw (promtool's output, the grouped notification). */
  static final Path OUTPUT = Path.of("target/monitoring").toAbsolutePath();

  private static final Pattern METRIC = Pattern.compile("\\bwatcher_[a-z0-9_]+\\b");
  private static final Pattern ALERT = Pattern.compile("(?m)^\\s*- alert: (\\w+)\\s*$");

  private MonitoringFiles() {}

  /** Every {@code watcher_*} name in {@code text}. */
  static Set<String> metricNames(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = METRIC.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group());
    }
    return names;
  }

  /** The alert names rules.yml defines. */
  static List<String> alertNames() throws IOException {
    List<String> names = new ArrayList<>();
    Matcher matcher = ALERT.matcher(Files.readString(RULES));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** Every PromQL expression of the dashboard's panels and variables, as Grafana stores it. */
  static List<String> dashboardQueries() throws IOException {
    JsonNode dashboard = TestJson.read(Files.readString(DASHBOARD));
    List<String> queries = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(target.path("expr").asText());
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      queries.add(variable.path("definition").asText());
    }
    return queries;
  }
}
