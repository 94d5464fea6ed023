package dev.bluegreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make tour with TOUR=auto, as a learner would see it: every step goes as narrated, and the summary
 * table names what clients saw and the alert each step sent, so the tour cannot rot.
 */
class TourIT {
  @TempDir Path runDir;
  private Sandbox sandbox;

  @AfterEach
  void leaveNothingRunning() throws Exception {
    if (sandbox != null && Files.exists(runDir.resolve("runtime"))) {
      sandbox.run("down");
    }
  }

  @Test
  void the_tour_runs_straight_through_and_its_table_shows_what_each_step_alerted()
      throws Exception {
    sandbox = new Sandbox(runDir, "local", Duration.ofMinutes(4), Map.of("TOUR", "auto"));

    Sandbox.Result r = sandbox.script("scripts/tour.sh");

    assertThat(r.exit()).as(r.output()).isZero();
    Map<String, List<String>> table = table(r.output());
    assertThat(table.keySet())
        .as(r.output())
        .containsExactly(
            "start",
            "baseline",
            "chaos error",
            "chaos-stop",
            "outage",
            "slow",
            "maintenance",
            "planned switch",
            "down");
    assertThat(table.values()).allSatisfy(row -> assertThat(row.get(3)).startsWith("ok"));
    assertThat(table.get("baseline")).containsExactly("200 x20 (blue)", "none", "-", "ok");
    assertThat(table.get("chaos error").subList(0, 2))
        .satisfiesExactly(
            clients -> assertThat(clients).isEqualTo("200 x20 (green)"),
            alerts -> assertThat(alerts).contains("failover"));
    assertThat(table.get("chaos error").get(2)).matches("[0-9]+\\.[0-9]");
    assertThat(table.get("chaos-stop").get(1)).contains("recovery");
    assertThat(table.get("outage").get(0)).matches("50[02] x[0-9]+.*");
    assertThat(table.get("outage").get(1)).contains("error_rate");
    assertThat(table.get("slow").get(0)).isEqualTo("200 x20 (blue)");
    assertThat(table.get("maintenance")).containsExactly("200 x20 (green)", "none", "-", "ok");
    assertThat(table.get("planned switch")).containsExactly("200 x20 (green)", "none", "-", "ok");
    assertThat(r.output()).contains("upstream_status=500, 200");
    for (int port : sandbox.ports()) {
      assertThat(sandbox.listening(port)).as("port %d after the tour", port).isFalse();
    }
  }

  /** The summary table: step -> clients saw, alert sent, seconds to alert, as expected. */
  private static Map<String, List<String>> table(String output) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : output.lines().toList()) {
      if (line.startsWith("step ")) {
        inTable = true;
      } else if (inTable && line.contains(" | ")) {
        List<String> cells = List.of(line.split("\\s*\\|\\s*"));
        rows.put(
            cells.get(0).strip(),
            cells.subList(1, cells.size()).stream().map(String::strip).toList());
      }
    }
    return rows;
  }
}
