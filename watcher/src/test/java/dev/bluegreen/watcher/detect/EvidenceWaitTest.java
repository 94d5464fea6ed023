package dev.bluegreen.watcher.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bluegreen.watcher.parse.AccessEvent;
import dev.bluegreen.watcher.parse.FailedAttempt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failover announced on a line that does not show why waits, briefly, for the line that does:
 * Nginx logs the retried request that found blue failing when it ends, often after requests that
 * went straight to green.
 */
class EvidenceWaitTest {
  private static final String BLUE = "10.0.0.2:3000";
  private static final String GREEN = "10.0.0.3:3000";
  private static final long T0 = 1_796_000_000_000L;

  private final List<Alert> alerts = new ArrayList<>();
  private final Detectors detectors =
      new Detectors(200, 2.0, 50, 1000, 300_000, 30_000, "blue", false, alerts::add);
  private long line;

  @BeforeEach
  void blueServes() {
    for (int k = 0; k < 60; k++) {
      observe(served("blue", BLUE), T0 + k * 100);
    }
  }

  private void observe(AccessEvent event, long now) {
    detectors.observe(event, new LineRef("access.log", ++line), now);
  }

  private static AccessEvent served(String pool, String address) {
    return new AccessEvent(0, 200, pool, "v1", address, 1, 0, 4);
  }

  /** Blue answered 500; Nginx retried on green, which served. */
  private static AccessEvent retried(String requestId) {
    return new AccessEvent(
        0, 200, "green", "v1", BLUE + ", " + GREEN, 2, 1, 9, requestId, List.of(failed(500)));
  }

  private static FailedAttempt failed(int status) {
    return new FailedAttempt(BLUE, status);
  }

  @Test
  void theFailoverWaitsForTheRetriedRequestsLineAndCitesIt() {
    observe(served("green", GREEN), T0 + 6_000);
    assertThat(alerts).as("announced on this line, but it does not say why").isEmpty();
    assertThat(detectors.waitingForEvidence()).isTrue();

    observe(retried("req-1"), T0 + 6_000);

    assertThat(alerts).hasSize(1);
    PoolAlert failover = (PoolAlert) alerts.get(0);
    assertThat(failover.kind()).isEqualTo(AlertKind.FAILOVER);
    assertThat(failover.where().line()).as("where green first served").isEqualTo(61);
    assertThat(failover.evidence().describe())
        .isEqualTo("blue: 1 of 61 attempts failed (500 x1) at 10.0.0.2:3000, request_id req-1");
    assertThat(detectors.waitingForEvidence()).isFalse();
  }

  @Test
  void aFailoverWhoseLogNeverSaysWhyGoesOutTwoSecondsOfLogLater() {
    observe(served("green", GREEN), T0 + 6_000);
    observe(served("green", GREEN), T0 + 7_999);
    assertThat(alerts).isEmpty();

    observe(served("green", GREEN), T0 + 8_000);

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.FAILOVER);
    assertThat(((PoolAlert) alerts.get(0)).evidence()).isNull();
  }

  @Test
  void aQuietLogLetsItGoTenMillisecondsOfTicksAfterTheFirstEvenIfTheClocksDisagree() {
    observe(served("green", GREEN), T0 + 6_000);
    long wall = T0 - 3_600_000; // the watcher's clock an hour behind the log's
    detectors.tick(wall);
    detectors.tick(wall + 9);
    assertThat(alerts).isEmpty();

    detectors.tick(wall + 10);

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.FAILOVER);
  }

  /** The live follower reads and ticks again when the wait ends, not a busy poll (25 ms) later. */
  @Test
  void itSaysWhenTheNextTickLetsItGo() {
    long wall = T0;
    assertThat(detectors.nextTickWithin(wall)).as("nothing waits").isEqualTo(Long.MAX_VALUE);

    observe(served("green", GREEN), T0 + 6_000);
    assertThat(detectors.nextTickWithin(wall))
        .as("no tick since: the next starts the wait")
        .isZero();
    detectors.tick(wall);
    assertThat(detectors.nextTickWithin(wall)).isEqualTo(10);
    assertThat(detectors.nextTickWithin(wall + 4)).isEqualTo(6);

    detectors.tick(wall + 10);
    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.FAILOVER);
    assertThat(detectors.nextTickWithin(wall + 10)).isEqualTo(Long.MAX_VALUE);
  }

  /** The watcher's clock set back (NTP) holds the failover 10 ms more, not as long as the step. */
  @Test
  void aClockSetBackDoesNotHoldItForAsLongAsTheStep() {
    observe(served("green", GREEN), T0 + 6_000);
    long wall = T0;
    detectors.tick(wall);
    long setBack = wall - 60_000;
    detectors.tick(setBack);
    assertThat(alerts).isEmpty();
    assertThat(detectors.nextTickWithin(setBack)).isEqualTo(10);

    detectors.tick(setBack + 10);

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.FAILOVER);
  }

  @Test
  void anAlertDecidedWhileItWaitsGoesOutAfterIt() {
    observe(served("green", GREEN), T0 + 6_000);
    for (int k = 0; k < 5; k++) {
      // green now fails too: the clients see 5xx, and the error rate passes 2 %
      observe(new AccessEvent(0, 502, "green", "v1", GREEN, 1, 1, 4), T0 + 6_100 + k);
    }

    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(AlertKind.FAILOVER, AlertKind.ERROR_RATE);
  }

  @Test
  void aReminderOfTheOpenFailoverGoesAtOnce() {
    observe(served("green", GREEN), T0 + 6_000);
    observe(retried("req-1"), T0 + 6_001);
    alerts.clear();

    observe(served("green", GREEN), T0 + 6_000 + 300_000); // one cooldown later, still on green

    assertThat(alerts)
        .extracting(Alert::kind, Alert::reminder)
        .containsExactly(tuple(AlertKind.FAILOVER, true));
    assertThat(detectors.waitingForEvidence()).isFalse();
  }

  @Test
  void flushSendsItAsItIsAndTheEndOfAReplayDoesToo() {
    observe(served("green", GREEN), T0 + 6_000);

    detectors.flushEvidenceWait();
    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.FAILOVER);

    Detectors replay =
        new Detectors(200, 2.0, 50, 1000, 300_000, 30_000, "blue", false, alerts::add);
    replay.observe(served("green", GREEN), new LineRef("access.log", 1), T0);
    replay.finish(T0);
    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(AlertKind.FAILOVER, AlertKind.FAILOVER);
  }
}
