package dev.bluegreen.watcher.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The example alertmanager.yml (checked and routed by the real amtool) and the compose {@code
 * monitoring} profile (checked by the real {@code docker-compose config}): what an operator copies
 * must load, and the profile must mount the files these tests test.
 */
class MonitoringConfigTest {
  private static final List<String> MONITORING_SERVICES =
      List.of("prometheus", "alertmanager", "grafana");
  private static final Pattern SERVICE = Pattern.compile("^  ([a-z_]+):$");
  private static final Pattern BIND_SOURCE = Pattern.compile("(?m)^\\s*(?:- |source: )(/[^:\\s]+)");
  private static final Pattern PROPERTY = Pattern.compile("(?m)^\\s*%s: (\\S+)\\s*$");

  @Test
  void alertmanagerExampleLoads() throws Exception {
    String output =
        Tool.amtool()
            .run(
                MonitoringFiles.ROOT,
                "check-config",
                MonitoringFiles.ALERTMANAGER_EXAMPLE.toString())
            .ok();

    assertThat(output).contains("SUCCESS");
  }

  @ParameterizedTest
  @CsvSource({
    "severity=critical, alertname=BlueGreenErrorRate, slack-critical",
    "severity=critical, alertname=WatcherDown, slack-critical",
    "severity=warning, alertname=BlueGreenFailover, slack-warnings",
    "severity=warning, alertname=WatcherLogStale, slack-warnings",
    // an alert without severity (a watcher older than the severity label) is not lost
    "instance=web-1, alertname=BlueGreenFailover, slack-warnings",
  })
  void alertmanagerExampleRoutesCriticalAndWarningToTheirChannels(
      String severity, String alertname, String receiver) throws Exception {
    String output =
        Tool.amtool()
            .run(
                MonitoringFiles.ROOT,
                "config",
                "routes",
                "test",
                "--config.file=" + MonitoringFiles.ALERTMANAGER_EXAMPLE,
                severity,
                alertname)
            .ok();

    assertThat(output.lines().filter(line -> !line.startsWith("Warning:")))
        .containsExactly(receiver);
  }

  @Test
  void slackTextOfTheExampleNamesTheFirstTenHostsAndHowManyInAll(@TempDir Path dir)
      throws Exception {
    Matcher text =
        Pattern.compile("text: &text \\|-\\n((?: {10}.*\\n)+)")
            .matcher(Files.readString(MonitoringFiles.ALERTMANAGER_EXAMPLE));
    assertThat(text.find()).as("the Slack text template").isTrue();
    String template = text.group(1).replaceAll("(?m)^ {10}", "").stripTrailing();
    StringBuilder alerts = new StringBuilder();
    for (int host = 1; host <= 12; host++) {
      alerts
          .append(host == 1 ? "" : ",")
          .append("{\"status\":\"")
          .append(host == 2 ? "resolved" : "firing")
          .append("\",\"labels\":{\"instance\":\"web-")
          .append(host)
          .append(
              "\"},\"annotations\":{\"summary\":\"FAILOVER  traffic moved from blue to green\"}}");
    }
    Files.writeString(
        dir.resolve("data.json"), "{\"status\":\"firing\",\"alerts\":[" + alerts + "]}");
    Files.writeString(dir.resolve("none.tmpl"), "");

    String rendered =
        Tool.amtool()
            .run(
                dir,
                "template",
                "render",
                "--template.glob=none.tmpl",
                "--template.text=" + template,
                "--template.data=data.json")
            .ok();

    assertThat(rendered.lines())
        .containsExactly(
            "• *web-1*: FAILOVER  traffic moved from blue to green",
            "• resolved: *web-2*: FAILOVER  traffic moved from blue to green",
            "• *web-3*: FAILOVER  traffic moved from blue to green",
            "• *web-4*: FAILOVER  traffic moved from blue to green",
            "• *web-5*: FAILOVER  traffic moved from blue to green",
            "• *web-6*: FAILOVER  traffic moved from blue to green",
            "• *web-7*: FAILOVER  traffic moved from blue to green",
            "• *web-8*: FAILOVER  traffic moved from blue to green",
            "• *web-9*: FAILOVER  traffic moved from blue to green",
            "• *web-10*: FAILOVER  traffic moved from blue to green",
            "... and 12 hosts in all");
  }

  @Test
  void composeMonitoringProfileRunsPrometheusAlertmanagerAndGrafanaOnTheseFiles() throws Exception {
    Map<String, String> services = services(composeConfig());

    assertThat(services).containsKeys("prometheus", "alertmanager", "grafana", "watcher", "nginx");
    services.forEach(
        (name, block) -> {
          if (MONITORING_SERVICES.contains(name)) {
            assertThat(block).as(name).containsPattern("profiles:\\s+- monitoring");
          } else {
            assertThat(block)
                .as(name + ": make up starts it as before")
                .doesNotContain("profiles:");
          }
        });
    assertThat(services.get("prometheus"))
        .contains(MonitoringFiles.PROMETHEUS + ":/etc/prometheus");
    assertThat(services.get("alertmanager"))
        .contains(MonitoringFiles.DIR.resolve("alertmanager") + ":/etc/alertmanager")
        .contains(property(MonitoringFiles.ALERTMANAGER_EXAMPLE, "slack_api_url_file"));
    assertThat(services.get("grafana"))
        .contains(MonitoringFiles.DIR.resolve("grafana/dashboards").toString())
        .contains(
            property(
                MonitoringFiles.DIR.resolve("grafana/provisioning/dashboards/bluegreen-watch.yml"),
                "path"));
    Matcher bind = BIND_SOURCE.matcher(String.join("\n", services.values()));
    while (bind.find()) {
      assertThat(Path.of(bind.group(1))).as("mounted").exists();
    }
  }

  /** {@code docker-compose --profile monitoring config}, with Compose v2's plugin if present. */
  private static String composeConfig() throws IOException, InterruptedException {
    if (Tool.find("docker").isPresent()) {
      Tool docker = Tool.find("docker").get();
      if (docker.run(MonitoringFiles.ROOT, "compose", "version").exit() == 0) {
        return docker
            .run(MonitoringFiles.ROOT, "compose", "--profile", "monitoring", "config")
            .ok();
      }
    }
    return Tool.require("sudo apt-get install -y docker-compose", "docker-compose")
        .run(MonitoringFiles.ROOT, "--profile", "monitoring", "config")
        .ok();
  }

  /** Each service's block of the normalized compose file, by name. */
  private static Map<String, String> services(String config) {
    Map<String, String> services = new LinkedHashMap<>();
    String current = null;
    boolean inServices = false;
    for (String line : config.split("\n")) {
      if (!line.startsWith(" ") && !line.isBlank()) {
        inServices = line.equals("services:");
        current = null;
        continue;
      }
      Matcher service = SERVICE.matcher(line);
      if (inServices && service.matches()) {
        current = service.group(1);
        services.put(current, "");
      } else if (current != null) {
        services.merge(current, line + "\n", String::concat);
      }
    }
    return services;
  }

  /** The value of {@code key} in a YAML file (the first such key). */
  private static String property(Path yaml, String key) throws IOException {
    Matcher matcher =
        Pattern.compile(String.format(PROPERTY.pattern(), key)).matcher(Files.readString(yaml));
    assertThat(matcher.find()).as(key + " in " + yaml).isTrue();
    return matcher.group(1);
  }
}
