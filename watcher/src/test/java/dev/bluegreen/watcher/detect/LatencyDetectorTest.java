package dev.bluegreen.watcher.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.parse.AccessEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyDetectorTest {
  private static final long COOLDOWN = 300_000;
  private static final long FLAP_SETTLE = 30_000;
  private static final int FAST = 4;
  private static final int SLOW = 1500;

  private final List<Alert> alerts = new ArrayList<>();
  private final AlertGate gate = new AlertGate(COOLDOWN, false);
  private final LatencyDetector detector = new LatencyDetector(200, 1000, 50, gate, FLAP_SETTLE);
  private long now = 1_000_000;
  private long line;

  private static AccessEvent took(int millis) {
    return new AccessEvent(0, 200, "blue", "v1", null, 1, 0, millis);
  }

  private static Latency latency(Alert alert) {
    return ((LatencyAlert) alert).latency();
  }

  private void feed(int count, int millis) {
    feed(count, took(millis));
  }

  private void feed(int count, AccessEvent event) {
    for (int i = 0; i < count; i++) {
      line++;
      now += 100;
      detector.observe(event, new LineRef("access.log", line), now, alerts::add);
    }
  }

  @Test
  void silentBelowMinRequestsEvenWhenEverythingIsSlow() {
    feed(49, SLOW);

    assertThat(detector.verdict()).isEqualTo(LatencyVerdict.BELOW_MIN_REQUESTS);
    assertThat(alerts).isEmpty();
  }

  @Test
  void alertsOnTheSlowRequestThatPushesP99OverTheThreshold() {
    feed(150, FAST);
    feed(1, 1100);
    feed(48, FAST);
    feed(1, SLOW); // 2 slow of 200: p99, the 198th fastest, is still fast
    assertThat(alerts).isEmpty();

    feed(1, 1200); // the window slides: 3 slow of 200, p99 is 1100

    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.kind()).isEqualTo(AlertKind.LATENCY);
              assertThat(alert.where().line()).isEqualTo(201);
              assertThat(alert.reminder()).isFalse();
              assertThat(((LatencyAlert) alert).severity()).isEqualTo(Severity.WARNING);
              Latency latency = latency(alert);
              assertThat(latency.p99Millis()).isEqualTo(1100);
              assertThat(latency.p50Millis()).isEqualTo(FAST);
              assertThat(latency.thresholdMillis()).isEqualTo(1000);
              assertThat(latency.requests()).isEqualTo(200);
              assertThat(latency.slowestMillis()).isEqualTo(SLOW);
              assertThat(latency.slowestAt()).isEqualTo(new LineRef("access.log", 200));
            });
  }

  @Test
  void theWindowReachingItsMinimumOpensNothingOnlyASlowRequestEnteringDoes() {
    feed(3, SLOW);
    feed(47, FAST); // 50 requests, 3 slow: p99 is slow, but the 50th request was fast
    assertThat(detector.verdict()).isEqualTo(LatencyVerdict.ABOVE_THRESHOLD);
    assertThat(alerts).isEmpty();

    feed(1, SLOW);

    assertThat(alerts).singleElement().satisfies(a -> assertThat(a.where().line()).isEqualTo(51));
  }

  @Test
  void resolvesOnlyOnceP99IsBackAtHalfTheThreshold() {
    feed(197, FAST);
    feed(3, SLOW);
    assertThat(alerts).hasSize(1);
    feed(3, 700); // the slow ones stay in the window
    feed(197, FAST); // slow ones gone, 3 at 700 ms keep p99 between 500 and 1000
    assertThat(detector.verdict()).isEqualTo(LatencyVerdict.ELEVATED);
    assertThat(alerts).hasSize(1);

    feed(1, FAST); // the first 700 leaves: 2 above 500 ms of 200, p99 is fast

    assertThat(alerts).hasSize(2);
    Alert resolved = alerts.get(1);
    assertThat(resolved.kind()).isEqualTo(AlertKind.LATENCY_RESOLVED);
    assertThat(resolved.where().line()).isEqualTo(401);
    assertThat(latency(resolved).p99Millis()).isEqualTo(FAST);
    assertThat(latency(resolved).resolveMillis()).isEqualTo(500);
  }

  @Test
  void p99ExactlyAtTheThresholdIsNotAbove() {
    feed(197, FAST);
    feed(3, 1000);

    assertThat(detector.verdict()).isEqualTo(LatencyVerdict.ELEVATED);
    assertThat(alerts).isEmpty();
  }

  @Test
  void remindsOncePerCooldownWhileStillSlow() {
    feed(197, FAST);
    feed(3, SLOW);
    for (int i = 0; i < 4000; i++) { // 400 s of slow requests, one in 20
      feed(1, i % 20 == 0 ? SLOW : FAST);
    }

    assertThat(alerts).extracting(Alert::reminder).containsExactly(false, true);
    assertThat(alerts.get(1).at().toEpochMilli() - alerts.get(0).at().toEpochMilli())
        .isEqualTo(COOLDOWN);
  }

  @Test
  void theThirdEpisodeWithinOneCooldownResolvesOnlyAfterTheFlapSettleTime() {
    for (int episode = 1; episode <= 3; episode++) {
      feed(200, FAST);
      feed(3, SLOW);
    }
    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(
            AlertKind.LATENCY,
            AlertKind.LATENCY_RESOLVED,
            AlertKind.LATENCY,
            AlertKind.LATENCY_RESOLVED,
            AlertKind.LATENCY);

    feed(200, FAST); // p99 is fast again from the 198th on (the first slow one left)
    feed(297, FAST); // 29.9 s since then: still open
    assertThat(alerts).hasSize(5);
    feed(1, FAST); // 30 s

    assertThat(alerts).hasSize(6);
    assertThat(alerts.get(5).kind()).isEqualTo(AlertKind.LATENCY_RESOLVED);
  }

  @Test
  void requestsWithoutARequestTimeAreNotInTheWindow() {
    feed(100, FAST);
    feed(100, new AccessEvent(0, 200, "blue", "v1", null, 1, 0, -1));

    assertThat(detector.snapshot().requests()).isEqualTo(100);
  }

  @Test
  void aRestartedDetectorDecidesAsIfItNeverStopped() {
    feed(197, FAST);
    feed(3, SLOW);
    LatencyDetector restarted = new LatencyDetector(200, 1000, 50, gate, FLAP_SETTLE);
    restarted.restore(detector.state());

    assertThat(restarted.alerting()).isTrue();
    assertThat(restarted.snapshot().p99Millis()).isEqualTo(SLOW);
    assertThat(restarted.snapshot().slowestAt()).isNull(); // where it was logged is not kept
    for (int i = 0; i < 197; i++) {
      line++;
      restarted.observe(took(FAST), new LineRef("access.log", line), now += 100, alerts::add);
    }
    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.LATENCY);
    line++;
    restarted.observe(took(FAST), new LineRef("access.log", line), now += 100, alerts::add);
    assertThat(alerts).extracting(Alert::kind).endsWith(AlertKind.LATENCY_RESOLVED);
  }

  @Test
  void maintenanceHoldsANewEpisodeUntilItIsOff() {
    gate.maintenance(true);
    feed(197, FAST);
    feed(3, SLOW);
    assertThat(alerts).isEmpty();

    gate.maintenance(false);
    feed(1, FAST);

    assertThat(alerts).singleElement().satisfies(a -> assertThat(a.where().line()).isEqualTo(201));
  }
}
