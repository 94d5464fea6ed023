package dev.bluegreen.watcher.detect;

import static dev.bluegreen.watcher.detect.Events.clientError;
import static dev.bluegreen.watcher.detect.Events.hiddenError;
import static dev.bluegreen.watcher.detect.Events.served;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.parse.AccessEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorRateDetectorTest {
  private static final long COOLDOWN = 300_000;
  private static final long FLAP_SETTLE = 30_000;

  private final List<Alert> alerts = new ArrayList<>();
  private final AlertGate gate = new AlertGate(COOLDOWN, false);
  private final ErrorRateDetector detector = new ErrorRateDetector(200, 2.0, 50, gate, FLAP_SETTLE);
  private long now = 1_000_000;
  private long line;

  /** The detector's alerts are all error-rate alerts. */
  private static ErrorRate rate(Alert alert) {
    return ((ErrorRateAlert) alert).rate();
  }

  private void feed(int count, AccessEvent event) {
    for (int i = 0; i < count; i++) {
      line++;
      now += 100;
      detector.observe(event, new LineRef("access.log", line), now, alerts::add);
    }
  }

  @Test
  void silentBelowMinRequestsEvenWhenEverythingFails() {
    feed(49, clientError("blue"));

    assertThat(detector.verdict()).isEqualTo(ErrorRateVerdict.BELOW_MIN_REQUESTS);
    assertThat(alerts).isEmpty();
  }

  @Test
  void alertsOnTheRequestThatCrossesTheThreshold() {
    feed(196, served("blue"));
    feed(4, clientError("blue")); // 4 of 200 = 2 %: not MORE than 2 %
    assertThat(alerts).isEmpty();

    feed(1, clientError("blue")); // window slides: 5 of 200 = 2.5 %

    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.kind()).isEqualTo(AlertKind.ERROR_RATE);
              assertThat(alert.where().line()).isEqualTo(201);
              assertThat(rate(alert).errors()).isEqualTo(5);
              assertThat(rate(alert).requests()).isEqualTo(200);
              assertThat(rate(alert).percent()).isEqualTo(2.5);
              assertThat(alert.reminder()).isFalse();
            });
  }

  @Test
  void countsErrorsHiddenByRetriesApartFromThoseClientsSaw() {
    feed(100, served("blue"));
    feed(3, hiddenError("green"));
    feed(2, clientError("green"));

    Alert alert = alerts.get(0);
    assertThat(rate(alert).hiddenErrors()).isEqualTo(3);
    assertThat(rate(alert).clientErrors()).isEqualTo(0);
    assertThat(detector.snapshot().clientErrors()).isEqualTo(2);
    assertThat(detector.snapshot().errors()).isEqualTo(5);
  }

  @Test
  void oneAlertPerSpikeNotOnePerFailedRequest() {
    feed(100, served("blue"));
    feed(50, clientError("blue"));

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.ERROR_RATE);
  }

  @Test
  void resolvesOnlyOnceTheRateIsDownToHalfTheThreshold() {
    feed(100, served("blue"));
    feed(10, clientError("blue"));
    feed(100, served("blue")); // 10 of 200 = 5 %
    assertThat(alerts).hasSize(1);

    feed(94, served("blue")); // errors start leaving the window: 6 of 200 = 3 %
    assertThat(detector.snapshot().errors()).isEqualTo(6);
    feed(3, served("blue")); // 3 of 200 = 1.5 %: below the threshold, above half of it
    assertThat(alerts).hasSize(1);
    assertThat(detector.verdict()).isEqualTo(ErrorRateVerdict.ELEVATED);

    feed(1, served("blue")); // 2 of 200 = 1 %

    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(AlertKind.ERROR_RATE, AlertKind.ERROR_RATE_RESOLVED);
    assertThat(rate(alerts.get(1)).errors()).isEqualTo(2);
  }

  @Test
  void aSpikeStillPresentAfterTheCooldownIsAlertedAgainAsAReminder() {
    feed(100, served("blue"));
    feed(10, clientError("blue"));
    now += COOLDOWN - 2_000;
    feed(1, clientError("blue"));
    assertThat(alerts).hasSize(1);

    now += 2_000;
    feed(1, clientError("blue"));

    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(AlertKind.ERROR_RATE, AlertKind.ERROR_RATE);
    assertThat(alerts.get(1).reminder()).isTrue();
  }

  @Test
  void aNewSpikeAfterAResolutionIsAlertedAtOnceWhateverTheCooldown() {
    feed(100, served("blue"));
    feed(10, clientError("blue"));
    feed(200, served("blue"));
    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactly(AlertKind.ERROR_RATE, AlertKind.ERROR_RATE_RESOLVED);

    feed(10, clientError("blue")); // well within the cooldown of the first alert

    assertThat(alerts)
        .extracting(Alert::kind, Alert::reminder)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertKind.ERROR_RATE, false),
            org.assertj.core.groups.Tuple.tuple(AlertKind.ERROR_RATE_RESOLVED, false),
            org.assertj.core.groups.Tuple.tuple(AlertKind.ERROR_RATE, false));
    assertThat(alerts.get(2).where().line())
        .as("the error that crossed the threshold")
        .isEqualTo(315);
  }

  @Test
  void aZeroCooldownMeansNoRemindersNotAnAlertPerLine() {
    ErrorRateDetector noReminders =
        new ErrorRateDetector(200, 2.0, 50, new AlertGate(0, false), FLAP_SETTLE);
    for (int i = 1; i <= 400; i++) {
      noReminders.observe(
          i > 100 ? clientError("blue") : served("blue"),
          new LineRef("a", i),
          now + i * 1000L,
          alerts::add);
    }

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.ERROR_RATE);
  }

  @Test
  void theWindowReachingMinRequestsIsNotAnErrorAndOpensNothing() {
    feed(5, clientError("blue"));
    feed(45, served("blue")); // the 50th request: 10 % of the window, but no error entered

    assertThat(detector.verdict()).isEqualTo(ErrorRateVerdict.ABOVE_THRESHOLD);
    assertThat(alerts).isEmpty();

    feed(1, clientError("blue"));

    assertThat(alerts)
        .extracting(Alert::kind, a -> a.where().line())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.ERROR_RATE, 51L));
  }

  @Test
  void maintenanceSuppressesAlertsAndTheTruthIsToldWhenItEnds() {
    gate.maintenance(true);
    feed(100, served("blue"));
    feed(10, clientError("blue"));
    assertThat(alerts).isEmpty();

    gate.maintenance(false);
    feed(1, clientError("blue"));

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.ERROR_RATE);
  }

  @Test
  void zeroThresholdAlertsOnTheFirstErrorAndResolvesWhenNoneAreLeft() {
    ErrorRateDetector strict = new ErrorRateDetector(10, 0, 1, gate, FLAP_SETTLE);
    strict.observe(served("blue"), new LineRef("a", 1), now, alerts::add);
    strict.observe(clientError("blue"), new LineRef("a", 2), now, alerts::add);
    for (int i = 3; i <= 12; i++) {
      strict.observe(served("blue"), new LineRef("a", i), now, alerts::add);
    }

    assertThat(alerts)
        .extracting(Alert::kind, a -> a.where().line())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertKind.ERROR_RATE, 2L),
            org.assertj.core.groups.Tuple.tuple(AlertKind.ERROR_RATE_RESOLVED, 12L));
  }

  @Test
  void aDetectorRestoredFromItsStateKeepsItsWindowAndDoesNotAlertAgain() {
    feed(100, served("blue"));
    feed(10, clientError("blue"));
    ErrorRateDetector.State saved = detector.state();
    AlertGate restartedGate = new AlertGate(COOLDOWN, false);
    restartedGate.restore(gate.state());
    ErrorRateDetector restarted = new ErrorRateDetector(200, 2.0, 50, restartedGate, FLAP_SETTLE);

    restarted.restore(saved);
    List<Alert> afterRestart = new ArrayList<>();
    restarted.observe(clientError("blue"), new LineRef("a", 111), now + 100, afterRestart::add);

    assertThat(restarted.snapshot()).isEqualTo(new ErrorRate(111, 11, 0, 2.0));
    assertThat(restarted.alerting()).isTrue();
    assertThat(afterRestart).isEmpty();
  }

  @Test
  void aRestoredWindowThatNoLongerFitsKeepsTheNewestRequests() {
    feed(190, served("blue"));
    feed(10, clientError("blue"));
    ErrorRateDetector smaller = new ErrorRateDetector(20, 2.0, 10, gate, FLAP_SETTLE);

    smaller.restore(detector.state());

    assertThat(smaller.snapshot().requests()).isEqualTo(20);
    assertThat(smaller.snapshot().clientErrors()).isEqualTo(10);
  }

  @Test
  void theThirdEpisodeWithinOneCooldownResolvesOnlyOnceTheRateStayedDownForTheSettleTime() {
    feed(100, served("blue"));
    for (int episode = 0; episode < 3; episode++) {
      feed(5, clientError("blue"));
      feed(200, served("blue"));
    }
    assertThat(alerts)
        .as("a hovering rate: the third resolution waits")
        .extracting(Alert::kind)
        .containsExactly(
            AlertKind.ERROR_RATE,
            AlertKind.ERROR_RATE_RESOLVED,
            AlertKind.ERROR_RATE,
            AlertKind.ERROR_RATE_RESOLVED,
            AlertKind.ERROR_RATE);

    feed(300, served("blue")); // 30 s more at or below half the threshold

    assertThat(alerts).extracting(Alert::kind).endsWith(AlertKind.ERROR_RATE_RESOLVED).hasSize(6);
  }

  @Test
  void aHeldResolutionIsDecidedByTimeWhenNoLineComes() {
    feed(100, served("blue"));
    for (int episode = 0; episode < 3; episode++) {
      feed(5, clientError("blue"));
      feed(200, served("blue"));
    }
    assertThat(alerts).hasSize(5);
    assertThat(detector.waitsOnTime()).as("the live watcher keeps ticking for it").isTrue();

    detector.tick(now + FLAP_SETTLE, alerts::add);

    assertThat(alerts).extracting(Alert::kind).endsWith(AlertKind.ERROR_RATE_RESOLVED).hasSize(6);
    assertThat(detector.waitsOnTime()).isFalse();
  }

  @Test
  void onlyAnEpisodeBackDownWaitsOnTime() {
    feed(100, served("blue"));
    assertThat(detector.waitsOnTime()).as("no episode").isFalse();

    feed(10, clientError("blue"));
    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.ERROR_RATE);
    assertThat(detector.waitsOnTime())
        .as("above the threshold: only a request changes it")
        .isFalse();
  }

  @Test
  void aMildHiddenEpisodeThatBecomesAnOutageIsEscalatedAtOnceWhateverTheCooldown() {
    feed(100, served("blue"));
    feed(3, hiddenError("green")); // 3 of 103 hidden by retries: 2.91 %, users not hurt yet
    assertThat(alerts).singleElement().satisfies(a -> assertThat(a.reminder()).isFalse());

    feed(2, clientError("green")); // clients saw 2 of 105 = 1.9 %: still not above 2 %
    assertThat(alerts).hasSize(1);
    feed(20, clientError("green")); // the third client error: 3 of 106 = 2.83 %

    assertThat(alerts)
        .as("the rise to critical is told at once, once, inside the cooldown")
        .extracting(Alert::kind, Alert::severity, a -> a.where().line())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertKind.ERROR_RATE, Severity.WARNING, 103L),
            org.assertj.core.groups.Tuple.tuple(AlertKind.ERROR_RATE, Severity.CRITICAL, 106L));
    assertThat(((ErrorRateAlert) alerts.get(1)).escalated()).isTrue();
    assertThat(rate(alerts.get(1)).clientErrors()).isEqualTo(3);
  }

  @Test
  void aFallBackToWarningPagesNobodyAndTheResolutionCarriesTheEpisodesSeverity() {
    feed(100, served("blue"));
    feed(5, clientError("blue")); // critical from the start: no escalation to come
    feed(6, hiddenError("green")); // clients' share falls below the threshold, hidden errors rise
    assertThat(alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.CRITICAL));

    feed(400, served("blue"));

    assertThat(alerts)
        .extracting(Alert::kind, Alert::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertKind.ERROR_RATE, Severity.CRITICAL),
            org.assertj.core.groups.Tuple.tuple(AlertKind.ERROR_RATE_RESOLVED, Severity.CRITICAL));
  }

  @Test
  void aRestartKeepsWhatTheEpisodeWasToldSoItIsNotEscalatedTwice() {
    feed(100, served("blue"));
    feed(3, hiddenError("green"));
    feed(5, clientError("green"));
    assertThat(alerts).hasSize(2);
    ErrorRateDetector restarted = new ErrorRateDetector(200, 2.0, 50, gate, FLAP_SETTLE);

    restarted.restore(detector.state());
    List<Alert> afterRestart = new ArrayList<>();
    restarted.observe(clientError("green"), new LineRef("a", 109), now + 100, afterRestart::add);

    assertThat(afterRestart).isEmpty();
  }
}
