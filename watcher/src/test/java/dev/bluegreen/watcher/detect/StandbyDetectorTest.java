package dev.bluegreen.watcher.detect;

import static dev.bluegreen.watcher.detect.Events.served;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.notify.AlertText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The standby's probes through {@link Detectors}: who is watched, when it is told, restarts. */
class StandbyDetectorTest {
  private static final long INTERVAL = 10_000;
  private static final long COOLDOWN = 300_000;

  private final List<Alert> alerts = new ArrayList<>();
  private Detectors detectors = detectors();
  private long now = 1_000_000;
  private long line;

  private Detectors detectors() {
    Detectors made = new Detectors(200, 2, 50, 1000, COOLDOWN, 30_000, "blue", false, alerts::add);
    made.probeEvery(INTERVAL, Set.of("blue", "green"));
    return made;
  }

  /** One probe interval: a request of {@code pool} each second (none when null), then checks. */
  private void interval(String pool, ProbeResult... results) {
    for (int s = 0; s < INTERVAL / 1000; s++) {
      now += 1000;
      if (pool != null) {
        detectors.observe(served(pool), new LineRef("access.log", ++line), now);
      }
      detectors.tick(now);
    }
    for (ProbeResult result : results) {
      detectors.probed(result, now);
    }
  }

  private static ProbeResult down(String pool) {
    return ProbeResult.down(pool, "connect refused");
  }

  private List<String> told() {
    return alerts.stream().map(AlertText::summary).toList();
  }

  @Test
  void threeFailedChecksInARowOfTheStandbySendStandbyDown() {
    interval("blue", ProbeResult.up("blue"), down("green"));
    interval("blue", ProbeResult.up("blue"), down("green"));
    assertThat(alerts).isEmpty();

    interval("blue", ProbeResult.up("blue"), down("green"));

    assertThat(alerts)
        .singleElement()
        .extracting(Alert::kind, Alert::severity)
        .containsExactly(AlertKind.STANDBY_DOWN, Severity.WARNING);
    assertThat(told())
        .containsExactly(
            "STANDBY DOWN  green is down: a failover from blue would fail"
                + " (3 checks failed in a row; last: connect refused)");
  }

  @Test
  void aPassingCheckStartsTheCountAgain() {
    interval("blue", down("green"));
    interval("blue", down("green"));
    interval("blue", ProbeResult.up("green"));
    interval("blue", down("green"));
    interval("blue", down("green"));

    assertThat(alerts).isEmpty();
    assertThat(detectors.probes())
        .extracting(StandbyDetector.PoolState::pool, StandbyDetector.PoolState::failuresInRow)
        .containsExactly(tuple("green", 2));
  }

  @Test
  void passingAgainSendsStandbyUpOnceAndClosesTheEpisode() {
    for (int i = 0; i < 3; i++) {
      interval("blue", down("green"));
    }
    interval("blue", ProbeResult.up("green"));
    interval("blue", ProbeResult.up("green"));
    for (int i = 0; i < 3; i++) {
      interval("blue", down("green"));
    }

    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(AlertKind.STANDBY_DOWN, AlertKind.STANDBY_UP, AlertKind.STANDBY_DOWN);
    assertThat(told().get(1))
        .isEqualTo("STANDBY UP  green is up again: a failover from blue would work");
  }

  @Test
  void aFailingServingPoolWithTrafficIsLeftToTheLog() {
    for (int i = 0; i < 6; i++) {
      interval("blue", down("blue"), ProbeResult.up("green"));
    }

    assertThat(alerts).isEmpty();
  }

  @Test
  void poolsPassingTheirChecksWaitOnNoTime() {
    interval("blue", ProbeResult.up("blue"), down("green"));
    interval("blue", ProbeResult.up("blue"), down("green"));

    assertThat(detectors.waitsOnTime())
        .as("two failures: only the next check's result can make green down")
        .isFalse();
  }

  @Test
  void aServingPoolWithoutTrafficForThreeIntervalsIsWatched() {
    interval("blue", down("blue"));
    interval(null, down("blue"));
    interval(null, down("blue"));
    assertThat(alerts).as("the last line is 2 intervals old").isEmpty();
    assertThat(detectors.waitsOnTime())
        .as("its going quiet is decided by time alone: the live watcher keeps ticking")
        .isTrue();

    interval(null);

    assertThat(told())
        .containsExactly(
            "STANDBY DOWN  blue is down and gets no traffic: requests sent to it would fail"
                + " (3 checks failed in a row; last: connect refused)");
  }

  @Test
  void aFailoverMakesTheOtherPoolTheStandby() {
    for (int i = 0; i < 3; i++) {
      interval("blue", down("blue"), ProbeResult.up("green"));
    }
    assertThat(alerts).isEmpty();

    interval("green"); // nginx failed over to green: judged again at once, not at the next check

    assertThat(alerts).extracting(Alert::kind).contains(AlertKind.FAILOVER);
    assertThat(alerts)
        .filteredOn(alert -> alert instanceof StandbyAlert)
        .extracting(alert -> AlertText.summary(alert))
        .containsExactly(
            "STANDBY DOWN  blue is down: a failover from green would fail"
                + " (3 checks failed in a row; last: connect refused)");
  }

  @Test
  void aDownStandbyThatTakesTheTrafficIsJudgedByTheLogAgain() {
    for (int i = 0; i < 3; i++) {
      interval("blue", ProbeResult.up("blue"), down("green"));
    }
    alerts.clear();

    interval("green", ProbeResult.up("blue"), down("green")); // the operator switched anyway

    assertThat(alerts)
        .filteredOn(alert -> alert instanceof StandbyAlert)
        .extracting(AlertText::summary)
        .containsExactly("STANDBY UP  green serves traffic now: the log shows how it does");
  }

  @Test
  void maintenanceHoldsTheAnnouncementUntilItEndsIfStillTrue() {
    detectors.maintenance(true);
    for (int i = 0; i < 4; i++) {
      interval("blue", down("green"));
    }
    assertThat(alerts).isEmpty();

    detectors.maintenance(false);
    interval("blue");

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.STANDBY_DOWN);
  }

  @Test
  void whatRecoveredDuringMaintenanceIsNeverAnnounced() {
    detectors.maintenance(true);
    for (int i = 0; i < 3; i++) {
      interval("blue", down("green"));
    }
    interval("blue", ProbeResult.up("green"));
    detectors.maintenance(false);
    interval("blue", ProbeResult.up("green"));

    assertThat(alerts).isEmpty();
  }

  @Test
  void theCooldownSpacesRemindersOnly() {
    for (int i = 0; i < 3 + 29; i++) { // 320 s of failures
      interval("blue", down("green"));
    }
    interval("blue", ProbeResult.up("green"));

    assertThat(alerts)
        .extracting(Alert::kind, Alert::reminder)
        .containsExactly(
            tuple(AlertKind.STANDBY_DOWN, false),
            tuple(AlertKind.STANDBY_DOWN, true),
            tuple(AlertKind.STANDBY_UP, false));
  }

  @Test
  void aRestartThroughTheStateFileNeitherRepeatsNorForgets() throws Exception {
    for (int i = 0; i < 3; i++) {
      interval("blue", down("green"));
    }
    String saved = TestJson.MAPPER.writeValueAsString(detectors.state());

    detectors = detectors();
    detectors.restore(TestJson.MAPPER.readValue(saved, Detectors.State.class));
    interval("blue", down("green"));
    interval("blue", ProbeResult.up("green"));

    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(AlertKind.STANDBY_DOWN, AlertKind.STANDBY_UP);
  }

  @Test
  void aPoolNoLongerProbedIsForgottenAtRestart() throws Exception {
    for (int i = 0; i < 3; i++) {
      interval("blue", down("green"));
    }
    String saved = TestJson.MAPPER.writeValueAsString(detectors.state());

    detectors = new Detectors(200, 2, 50, 1000, COOLDOWN, 30_000, "blue", false, alerts::add);
    detectors.probeEvery(INTERVAL, Set.of("blue"));
    detectors.restore(TestJson.MAPPER.readValue(saved, Detectors.State.class));

    assertThat(detectors.probes()).isEmpty();
  }

  @Test
  void aStateFileFromBeforeProbesStartsWithNoProbe() throws Exception {
    Detectors old = new Detectors(200, 2, 50, 1000, COOLDOWN, 30_000, "blue", false, a -> {});
    String saved = TestJson.MAPPER.writeValueAsString(old.state());

    detectors.restore(TestJson.MAPPER.readValue(saved, Detectors.State.class));

    assertThat(detectors.probes()).isEmpty();
  }

  @Test
  void withoutProbesNothingIsJudged() {
    Detectors none = new Detectors(200, 2, 50, 1000, COOLDOWN, 30_000, "blue", false, alerts::add);
    none.tick(now);

    assertThat(none.probes()).isEmpty();
    assertThat(none.state().standby()).isNull();
  }
}
