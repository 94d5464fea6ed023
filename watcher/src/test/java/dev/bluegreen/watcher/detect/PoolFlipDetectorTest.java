package dev.bluegreen.watcher.detect;

import static dev.bluegreen.watcher.detect.Events.hiddenError;
import static dev.bluegreen.watcher.detect.Events.noPool;
import static dev.bluegreen.watcher.detect.Events.served;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bluegreen.watcher.parse.AccessEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolFlipDetectorTest {
  private static final long COOLDOWN = 300_000;
  private static final long FLAP_SETTLE = 30_000;

  private final List<Alert> alerts = new ArrayList<>();
  private final AlertGate gate = new AlertGate(COOLDOWN, false);
  private final PoolFlipDetector detector = new PoolFlipDetector("blue", gate, FLAP_SETTLE);
  private long now = 1_000_000;
  private long line;

  /** The detector's alerts are all pool alerts. */
  private static PoolAlert pool(Alert alert) {
    return (PoolAlert) alert;
  }

  /** One request per 100 ms of log time. */
  private void feed(int count, AccessEvent event) {
    for (int i = 0; i < count; i++) {
      line++;
      now += 100;
      detector.observe(event, new LineRef("access.log", line), now, alerts::add);
    }
  }

  private void feedPools(String... pools) {
    for (String pool : pools) {
      feed(1, served(pool));
    }
  }

  @Test
  void trafficOnThePrimaryIsNotAnAlert() {
    feed(1000, served("blue"));

    assertThat(alerts).isEmpty();
  }

  @Test
  void theFirstRequestServedByTheBackupIsAFailover() {
    feed(10, served("blue"));
    feed(1, hiddenError("green"));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.kind()).isEqualTo(AlertKind.FAILOVER);
              assertThat(pool(alert).from()).isEqualTo("blue");
              assertThat(pool(alert).to()).isEqualTo("green");
              assertThat(pool(alert).release()).isEqualTo("v1-green");
              assertThat(alert.where().line()).isEqualTo(11);
            });
  }

  @Test
  void recoveryIsAnnouncedOnceThePrimaryServedThreeInARowAtTheLineWhereItCameBack() {
    feed(10, served("blue"));
    feed(20, served("green"));
    feed(2, served("blue"));
    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.FAILOVER);

    feed(1, served("blue"));

    assertThat(alerts)
        .extracting(Alert::kind, a -> a.where().line(), a -> pool(a).from(), a -> pool(a).to())
        .containsExactly(
            tuple(AlertKind.FAILOVER, 11L, "blue", "green"),
            tuple(AlertKind.RECOVERY, 31L, "green", "blue"));
  }

  @Test
  void aSingleRequestBackOnThePrimaryIsARecoveryOnceTheLogHasBeenQuietLongEnough() {
    feed(10, served("blue"));
    feed(5, served("green"));
    feed(1, served("blue"));
    detector.tick(now + PoolFlipDetector.SETTLE_MILLIS - 1, alerts::add);
    assertThat(alerts).hasSize(1);

    detector.tick(now + PoolFlipDetector.SETTLE_MILLIS, alerts::add);

    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(AlertKind.FAILOVER, AlertKind.RECOVERY);
  }

  @Test
  void mixedTrafficWhileFailingOverIsOneFailover() {
    feed(10, served("blue"));
    feedPools("green", "blue", "green", "blue", "blue", "green", "green", "green");
    feed(50, served("green"));

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.FAILOVER);
    assertThat(detector.announcedPool()).isEqualTo("green");
  }

  @Test
  void mixedTrafficWhileRecoveringIsOneRecovery() {
    feed(10, served("blue"));
    feed(10, served("green"));
    feedPools("blue", "green", "blue", "blue", "green", "blue", "green");
    feed(50, served("blue"));

    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(AlertKind.FAILOVER, AlertKind.RECOVERY);
    assertThat(detector.announcedPool()).isEqualTo("blue");
  }

  @Test
  void requestsNginxAnsweredItselfNeverFlipAnything() {
    feed(10, served("blue"));
    feed(100, noPool(500));
    feed(10, served("green"));
    feed(100, noPool(404));

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.FAILOVER);
  }

  @Test
  void aRecoveryIsNeverSwallowedBecauseAFailoverWentOutRecently() {
    feed(10, served("blue"));
    feed(3, served("green"));
    feed(3, served("blue"));

    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(AlertKind.FAILOVER, AlertKind.RECOVERY);
  }

  @Test
  void aSecondFailoverWithinTheCooldownIsANewEpisodeAnnouncedAtOnce() {
    feedPools("blue", "green", "green", "green", "blue", "blue", "blue");
    feed(1, served("green"));

    assertThat(alerts)
        .extracting(Alert::kind, Alert::reminder)
        .containsExactly(
            tuple(AlertKind.FAILOVER, false),
            tuple(AlertKind.RECOVERY, false),
            tuple(AlertKind.FAILOVER, false));
    assertThat(alerts.get(2).where().line()).as("where traffic moved").isEqualTo(8);
  }

  @Test
  void backAndForthEndsWithAMessageNamingThePoolThatSettled() {
    feedPools("blue", "green", "green", "green", "blue", "blue", "blue", "green");
    feed(10, served("green"));

    assertThat(detector.announcedPool()).isEqualTo("green");
    assertThat(pool(alerts.get(alerts.size() - 1)).to()).isEqualTo("green");
    assertThat(detector.servingPool()).isEqualTo("green");
  }

  @Test
  void aZeroCooldownMeansNoReminders() {
    PoolFlipDetector noReminders =
        new PoolFlipDetector("blue", new AlertGate(0, false), FLAP_SETTLE);
    for (int i = 1; i <= 100; i++) {
      noReminders.observe(
          served(i > 10 ? "green" : "blue"), new LineRef("a", i), now + i * 1000L, alerts::add);
    }

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.FAILOVER);
  }

  @Test
  void theServingPoolIsWhatTheLogShowsAndTheAnnouncedOneWhatPeopleWereTold() {
    feed(5, served("blue"));
    feed(1, served("green"));
    feed(1, served("blue"));

    assertThat(detector.servingPool()).isEqualTo("blue");
    assertThat(detector.announcedPool()).as("blue has not settled yet").isEqualTo("green");
  }

  @Test
  void trafficStillOnTheBackupAfterTheCooldownIsRemindedOncePerCooldown() {
    feed(1, served("blue"));
    feed(1, served("green"));
    now += COOLDOWN;
    feed(5, served("green"));
    now += COOLDOWN / 2;
    feed(5, served("green"));

    assertThat(alerts)
        .extracting(Alert::kind, Alert::reminder, a -> pool(a).to())
        .containsExactly(
            tuple(AlertKind.FAILOVER, false, "green"), tuple(AlertKind.FAILOVER, true, "green"));
  }

  @Test
  void aThirdPoolIsAnnouncedOnceItSettledWhateverTheCooldown() {
    feed(5, served("blue"));
    feed(5, served("green"));
    feed(3, served("red"));

    assertThat(alerts)
        .extracting(Alert::kind, a -> pool(a).from(), a -> pool(a).to())
        .containsExactly(
            tuple(AlertKind.FAILOVER, "blue", "green"), tuple(AlertKind.FAILOVER, "green", "red"));
  }

  @Test
  void maintenanceSuppressesFlipsAndTheTruthIsToldWhenItEnds() {
    gate.maintenance(true);
    feed(5, served("blue"));
    feed(5, served("green"));
    assertThat(alerts).isEmpty();

    gate.maintenance(false);
    feed(1, served("green"));

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.FAILOVER);
  }

  @Test
  void poolNamesAreWhateverTheUpstreamReports() {
    PoolFlipDetector canary = new PoolFlipDetector("stable-2026.11", gate, FLAP_SETTLE);
    canary.observe(served("canary_7"), new LineRef("a", 1), now, alerts::add);

    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(pool(alert).from()).isEqualTo("stable-2026.11");
              assertThat(pool(alert).to()).isEqualTo("canary_7");
            });
  }

  @Test
  void aPlannedSwitchIsNotAFailoverAndInFlightRequestsOnTheOldPoolAreExpected() {
    feed(10, served("blue"));
    detector.plannedSwitch("green", now);
    feed(3, served("blue")); // in flight while Nginx reloads
    feed(20, served("green"));

    assertThat(alerts).isEmpty();
    assertThat(detector.primary()).isEqualTo("green");
  }

  @Test
  void afterAPlannedSwitchTheOldPoolServingAgainIsAFailover() {
    feed(10, served("blue"));
    detector.plannedSwitch("green", now);
    feed(20, served("green"));
    now += PoolFlipDetector.SWITCH_GRACE_MILLIS;

    feed(1, served("blue"));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.kind()).isEqualTo(AlertKind.FAILOVER);
              assertThat(pool(alert).from()).isEqualTo("green");
              assertThat(pool(alert).to()).isEqualTo("blue");
            });
  }

  @Test
  void aDetectorRestoredFromItsStateGoesOnAsIfItHadNeverStopped() {
    feed(10, served("blue"));
    feed(5, served("green"));
    feed(2, served("blue")); // a recovery is pending: 2 of the 3 requests seen
    PoolFlipDetector.State saved = detector.state();

    AlertGate restartedGate = new AlertGate(COOLDOWN, false);
    restartedGate.restore(gate.state());
    PoolFlipDetector restarted = new PoolFlipDetector("blue", restartedGate, FLAP_SETTLE);
    restarted.restore(saved);
    List<Alert> afterRestart = new ArrayList<>();
    restarted.observe(served("blue"), new LineRef("access.log", 18), now + 100, afterRestart::add);

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.FAILOVER);
    assertThat(afterRestart)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.kind()).isEqualTo(AlertKind.RECOVERY);
              assertThat(alert.where().line()).isEqualTo(16);
            });
  }

  @Test
  void theThirdFailoverWithinOneCooldownIsOneFlappingMessageThenSilenceUntilAPoolSettles() {
    feedPools("blue", "green", "blue", "blue", "blue", "green", "blue", "blue", "blue");
    feedPools("green", "blue", "blue", "blue", "green", "blue", "blue", "blue", "green");
    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(
            AlertKind.FAILOVER,
            AlertKind.RECOVERY,
            AlertKind.FAILOVER,
            AlertKind.RECOVERY,
            AlertKind.FLAPPING);
    FlappingAlert flapping = (FlappingAlert) alerts.get(4);
    assertThat(flapping.to()).isEqualTo("green");
    assertThat(flapping.episodes()).isEqualTo(3);
    assertThat(flapping.since()).isEqualTo(alerts.get(0).at());
    assertThat(detector.flapping()).isTrue();
    assertThat(detector.waitsOnTime()).as("settling is decided by time alone").isTrue();

    now += FLAP_SETTLE - 1_000;
    feed(1, served("green")); // green alone for less than the settle time
    assertThat(alerts).hasSize(5);

    now += 1_000;
    feed(1, served("green"));

    assertThat(alerts).hasSize(6);
    PoolAlert settled = pool(alerts.get(5));
    assertThat(settled.kind()).isEqualTo(AlertKind.FAILOVER);
    assertThat(settled.afterFlapping()).isTrue();
    assertThat(settled.from()).isEqualTo("blue");
    assertThat(settled.to()).isEqualTo("green");
    assertThat(detector.flapping()).isFalse();
    assertThat(detector.waitsOnTime()).as("settled on green: only a request changes it").isFalse();
  }

  @Test
  void flappingThatSettlesOnThePrimaryEndsWithARecoveryAfterFlapping() {
    feedPools("blue", "green", "blue", "blue", "blue", "green", "blue", "blue", "blue", "green");
    feedPools("blue", "green", "blue");
    assertThat(alerts).extracting(Alert::kind).endsWith(AlertKind.FLAPPING);

    detector.tick(now + FLAP_SETTLE, alerts::add);

    PoolAlert settled = pool(alerts.get(alerts.size() - 1));
    assertThat(settled.kind()).isEqualTo(AlertKind.RECOVERY);
    assertThat(settled.afterFlapping()).isTrue();
    assertThat(settled.to()).isEqualTo("blue");
    assertThat(detector.announcedPool()).isEqualTo("blue");
  }

  @Test
  void threeFailoversFurtherApartThanTheCooldownAreNotFlapping() {
    for (int i = 0; i < 3; i++) {
      feedPools("green", "blue", "blue", "blue");
      now += COOLDOWN / 2;
    }

    assertThat(alerts).extracting(Alert::kind).doesNotContain(AlertKind.FLAPPING).hasSize(6);
  }

  @Test
  void aDetectorRestoredWhileFlappingStillSettles() {
    feedPools("blue", "green", "blue", "blue", "blue", "green", "blue", "blue", "blue", "green");
    PoolFlipDetector restarted = new PoolFlipDetector("blue", gate, FLAP_SETTLE);
    restarted.restore(detector.state());
    alerts.clear();

    restarted.tick(now + FLAP_SETTLE, alerts::add);

    assertThat(alerts)
        .extracting(Alert::kind, a -> pool(a).afterFlapping(), a -> pool(a).to())
        .containsExactly(tuple(AlertKind.FAILOVER, true, "green"));
  }
}
