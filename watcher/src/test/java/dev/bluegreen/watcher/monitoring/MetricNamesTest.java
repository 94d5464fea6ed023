package dev.bluegreen.watcher.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the Prometheus rules and the Grafana dashboard use is one a running watcher serves
 * on /metrics: a renamed metric would otherwise leave an alert that can never fire and an empty
 * panel, and nothing would say so.
 */
class MetricNamesTest {
  private static final Path STORY = Path.of("src/test/resources/replay/failover-and-recovery.log");
  private static final Pattern SAMPLE = Pattern.compile("(?m)^(watcher_[a-z0-9_]+)[{ ]");

  /** What the watcher served, scraped once for all tests (a JVM start is the cost). */
  private static Set<String> served;

  /** The metric names of a real watcher that read a failover story and sent it to every sink. */
  @BeforeAll
  static void scrapeARunningWatcher(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("access.log");
    Files.copy(STORY, log);
    try (StandInReceiver sinks = new StandInReceiver();
        WatcherProcess watcher =
            WatcherProcess.start(
                dir,
                "watcher",
                log,
                Map.of(
                    "SLACK_WEBHOOK_URL", sinks.url("/slack"),
                    "ALERT_WEBHOOK_URL", sinks.url("/webhook"),
                    "ALERTMANAGER_URL", sinks.url("/alertmanager"),
                    "WATCHER_INSTANCE", "web-1"))) {
      Await.until("the story's 400 lines read", () -> watcher.lines() == 400, watcher::said);
      // failover and error rate, then recovery and resolution, to Slack and the webhook
      Await.until(
          "the alerts delivered",
          () ->
              sinks.received().stream().filter(r -> !r.path().equals("/alertmanager")).count() >= 8,
          () -> sinks.received() + "\n" + watcher.said());
      String metrics = watcher.text("/metrics");
      Set<String> names = new TreeSet<>();
      Matcher sample = SAMPLE.matcher(metrics);
      while (sample.find()) {
        names.add(sample.group(1));
      }
      served = names;
    }
  }

  private static Set<String> used() throws Exception {
    Set<String> used =
        new TreeSet<>(MonitoringFiles.metricNames(Files.readString(MonitoringFiles.RULES)));
    used.addAll(MonitoringFiles.metricNames(Files.readString(MonitoringFiles.DASHBOARD)));
    return used;
  }

  @Test
  void everyMetricTheRulesAndTheDashboardUseIsServed() throws Exception {
    Set<String> expected = used();

    assertThat(served).containsAll(expected);
  }
}
