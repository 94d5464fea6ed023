package dev.bluegreen.watcher.state;

import static dev.bluegreen.watcher.detect.AlertKind.ERROR_RATE_RESOLVED;
import static dev.bluegreen.watcher.detect.AlertKind.FAILOVER;
import static dev.bluegreen.watcher.detect.AlertKind.RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.detect.LineRef;
import dev.bluegreen.watcher.parse.AccessEvent;
import dev.bluegreen.watcher.source.FileIdentity;
import dev.bluegreen.watcher.source.LogPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state file written before episodes (issue 11: the gate's {@code lastAnnounced} per kind, no
 * episode, no flapping) still loads, and the restored watcher knows which episodes are open; one
 * written before line numbers (issue 12) loads with the line unknown.
 */
class PreviousStateFileTest {
  /** The detectors' part of a state file of the previous version: failed over, error rate up. */
  private static final String PREVIOUS_DETECTORS =
      """
      {"errorRate":{"window":"","announced":true},
       "poolFlips":{"primary":"blue","announced":"green","previousPrimary":null,"switchedAt":0,
         "candidate":null,"candidateRequests":0,"candidateSince":0,"candidateWhere":null,
         "candidateRelease":null},
       "gate":{"lastAnnounced":{"failover":1000000,"error_rate":1000000},"maintenance":false}}
      """;

  @TempDir Path dir;

  @Test
  void aStateFileOfThePreviousVersionLoadsWithItsEpisodesOpen() throws IOException {
    StateStore store = new StateStore(dir.resolve("state.json"));
    Detectors fresh = detectors(new ArrayList<>());
    store.save(
        new WatcherState(
            WatcherState.VERSION,
            "/var/log/nginx/access.log",
            new LogPosition(new FileIdentity("(dev=1,ino=2)", "fp"), 10),
            "blue",
            false,
            fresh.state(),
            null));
    ObjectNode json = (ObjectNode) TestJson.MAPPER.readTree(store.file().toFile());
    json.set("detectors", TestJson.read(PREVIOUS_DETECTORS));
    json.remove("outbox"); // the previous version had none
    Files.writeString(store.file(), json.toString());

    WatcherState loaded = store.load().orElseThrow();
    assertThat(loaded.undelivered()).as("nothing to send").isEmpty();
    List<Alert> alerts = new ArrayList<>();
    Detectors restored = detectors(alerts);
    restored.restore(loaded.detectors());
    long now = 2_000_000;
    for (int line = 1; line <= 60; line++) {
      restored.observe(served(line <= 50 ? "green" : "blue"), new LineRef("a", line), now += 100);
    }

    assertThat(restored.announcedPool()).isEqualTo("blue");
    assertThat(alerts)
        .extracting(Alert::kind, Alert::reminder)
        .as("a reminder of the open failover, its recovery, the open error episode resolved")
        .contains(
            org.assertj.core.groups.Tuple.tuple(FAILOVER, true),
            org.assertj.core.groups.Tuple.tuple(RECOVERY, false),
            org.assertj.core.groups.Tuple.tuple(ERROR_RATE_RESOLVED, false));
  }

  @Test
  void aPositionSavedWithoutItsLineNumberLoadsAsUnknownToBeCounted() throws IOException {
    StateStore store = new StateStore(dir.resolve("state.json"));
    store.save(
        new WatcherState(
            WatcherState.VERSION,
            "/var/log/nginx/access.log",
            new LogPosition(new FileIdentity("(dev=1,ino=2)", "fp"), 10, 3),
            "blue",
            false,
            detectors(new ArrayList<>()).state(),
            null));
    ObjectNode json = (ObjectNode) TestJson.MAPPER.readTree(store.file().toFile());
    ((ObjectNode) json.get("position")).remove("line");
    Files.writeString(store.file(), json.toString());

    LogPosition loaded = store.load().orElseThrow().position();

    assertThat(loaded.offset()).isEqualTo(10);
    assertThat(loaded.lineKnown()).as("counted from the file at resume").isFalse();
  }

  @Test
  void aStateFileWhoseExpectedPoolBreaksThePoolNameRuleIsNotRestored() throws IOException {
    StateStore store = new StateStore(dir.resolve("state.json"));
    store.save(
        new WatcherState(
            WatcherState.VERSION,
            "/var/log/nginx/access.log",
            new LogPosition(new FileIdentity("(dev=1,ino=2)", "fp"), 10),
            "blue",
            false,
            detectors(new ArrayList<>()).state(),
            null));
    Files.writeString(
        store.file(), Files.readString(store.file()).replace("\"blue\"", "\"<!channel>\""));
    Detectors restored = detectors(new ArrayList<>());

    LogPosition resume =
        Resume.apply(
            store.load().orElseThrow(),
            Path.of("/var/log/nginx/access.log"),
            "blue",
            false,
            restored,
            0);

    assertThat(resume).isNull();
    assertThat(restored.primary()).isEqualTo("blue");
  }

  private static Detectors detectors(List<Alert> alerts) {
    return new Detectors(200, 2.0, 50, 1000, 300_000, 30_000, "blue", false, alerts::add);
  }

  private static AccessEvent served(String pool) {
    return new AccessEvent(0, 200, pool, "v1-" + pool, null, 1, 0, 4);
  }
}
