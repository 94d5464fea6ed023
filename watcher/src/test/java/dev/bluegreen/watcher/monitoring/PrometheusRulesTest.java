package dev.bluegreen.watcher.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * monitoring/prometheus with the real promtool: the alerting rules pass their unit tests
 * (rules_test.yml: each fires when it should, not before its {@code for}, not for the healthy
 * watcher), every rule has a test, the scrape config is valid, and every dashboard query is PromQL.
 */
class PrometheusRulesTest {
  @TempDir Path dir;

  @Test
  void rulesPassTheirUnitTestsInPromtool() throws Exception {
    String output =
        Tool.promtool().run(MonitoringFiles.PROMETHEUS, "test", "rules", "rules_test.yml").ok();

    Files.createDirectories(MonitoringFiles.OUTPUT);
    Files.writeString(MonitoringFiles.OUTPUT.resolve("promtool-test-rules.txt"), output);
    assertThat(output).contains("SUCCESS");
  }

  @Test
  void everyRuleHasAUnitTest() throws Exception {
    String tests = Files.readString(MonitoringFiles.PROMETHEUS.resolve("rules_test.yml"));

    assertThat(MonitoringFiles.alertNames())
        .hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(
            name -> assertThat(tests).as("a test of " + name).contains("alertname: " + name));
  }

  @Test
  void scrapeConfigAndRulesAreValid() throws Exception {
    String output =
        Tool.promtool().run(MonitoringFiles.PROMETHEUS, "check", "config", "prometheus.yml").ok();

    assertThat(output).contains("SUCCESS: 1 rule files found");
  }

  @Test
  void everyDashboardQueryIsValidPromQL() throws Exception {
    // promtool checks PromQL in rule files: each query becomes a recording rule, with Grafana's
    // variables replaced by values it would give them.
    List<String> queries = MonitoringFiles.dashboardQueries();
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    int checked = 0;
    for (String query : queries) {
      if (query.startsWith("label_values(")) {
        continue; // Grafana's own function, not PromQL
      }
      String promql = query.replace("$__rate_interval", "5m").replace("$instance", ".*");
      rules.append("      - record: dashboard:query_").append(++checked).append('\n');
      rules.append("        expr: '").append(promql.replace("'", "''")).append("'\n");
    }
    Files.writeString(dir.resolve("dashboard.yml"), rules.toString());

    String output = Tool.promtool().run(dir, "check", "rules", "dashboard.yml").ok();

    assertThat(queries).hasSizeGreaterThan(10);
    assertThat(output).contains("SUCCESS: " + checked + " rules found");
  }
}
