package dev.bluegreen.watcher.detect;

import dev.bluegreen.watcher.parse.AccessEvent;
import java.util.function.Consumer;

/**
 * Alerts when more than the threshold percent of the last N requests failed, counting both errors
 * the clients saw and upstream errors Nginx hid by retrying. Pure: time is the caller's.
 *
 * <p>An episode opens on the error that pushes the window over the threshold (the window merely
 * reaching its minimum size opens nothing), is reminded once per cooldown while still above, and
 * resolves once the rate is back at or below {@link #RESOLVE_FRACTION} of the threshold. A new
 * episode after a resolution is announced at once, whatever the cooldown. A rate hovering around
 * the threshold could still open and resolve an episode every window; so once the third episode
 * opened within one cooldown, that episode resolves only after the rate stayed back down for the
 * flap settle time (it is reminded meanwhile, once per cooldown, as any open episode).
 *
 * <p>Severity: an episode is {@link Severity#CRITICAL} once the errors clients saw are above the
 * threshold, {@link Severity#WARNING} while retries hid enough of them to pass it. An episode
 * announced as a warning that turns critical is announced again at once, whatever the cooldown, as
 * an escalation; a fall back to warning pages nobody: the episode stays critical, its reminders and
 * its resolution say so.
 */
public final class ErrorRateDetector {
  /**
   * An alert resolves at or below half the threshold: the band between is hysteresis, so a rate
   * hovering at the threshold is one alert and one resolution, not a flap per request.
   */
  public static final double RESOLVE_FRACTION = 0.5;

  private final ErrorWindow window;
  private final double thresholdPercent;
  private final int minRequests;
  private final WindowEpisodes episodes;
  private Severity told = Severity.WARNING; // the open episode's severity, as announced

  /**
   * @param flapSettleMillis how long the rate must stay back down to resolve an episode opened as
   *     the third within one cooldown
   */
  public ErrorRateDetector(
      int windowSize,
      double thresholdPercent,
      int minRequests,
      AlertGate gate,
      long flapSettleMillis) {
    this.window = new ErrorWindow(windowSize);
    this.thresholdPercent = thresholdPercent;
    this.minRequests = minRequests;
    this.episodes = new WindowEpisodes(gate, flapSettleMillis);
  }

  /** Adds one request to the window and announces a change of verdict to {@code alerts}. */
  public void observe(AccessEvent event, LineRef where, long now, Consumer<Alert> alerts) {
    boolean error = event.clientError() || event.hiddenError();
    window.add(event.clientError(), event.hiddenError());
    ErrorRateVerdict verdict = verdict();
    episodes.seen(where, verdict == ErrorRateVerdict.OK, now);
    if (verdict == ErrorRateVerdict.ABOVE_THRESHOLD && !episodes.isOpen()) {
      // only an error entering the window (or one maintenance held back) opens an episode
      if (episodes.opensNow(error)) {
        ErrorRate rate = snapshot();
        told = rate.severity();
        alerts.accept(Alert.errorRate(AlertKind.ERROR_RATE, now, where, rate, told, false, false));
        episodes.opened(now);
      }
    } else if (verdict == ErrorRateVerdict.ABOVE_THRESHOLD) {
      remindOrEscalate(where, now, alerts);
    } else {
      episodes.notAbove();
      tick(now, alerts);
    }
  }

  /** An open episode still above: escalated at once if clients now see it, else reminded. */
  private void remindOrEscalate(LineRef where, long now, Consumer<Alert> alerts) {
    if (!episodes.mayAnnounce()) {
      return;
    }
    boolean escalates = told == Severity.WARNING && window.clientErrorsAbove(thresholdPercent);
    if (escalates || episodes.reminderDue(now)) {
      told = escalates ? Severity.CRITICAL : told;
      alerts.accept(
          Alert.errorRate(
              AlertKind.ERROR_RATE, now, where, snapshot(), told, !escalates, escalates));
      episodes.announced(now);
    }
  }

  /**
   * Resolves an open episode whose rate is back down, at once or, for the third episode within one
   * cooldown, once it stayed down for the flap settle time; call it when no line came for a while.
   */
  public void tick(long now, Consumer<Alert> alerts) {
    if (episodes.resolvesNow(now)) {
      alerts.accept(
          Alert.errorRate(
              AlertKind.ERROR_RATE_RESOLVED,
              now,
              episodes.lastWhere(),
              snapshot(),
              told,
              false,
              false));
      episodes.resolved();
    }
  }

  /** Whether a {@link #tick} may resolve the open episode with time alone, no request arriving. */
  public boolean waitsOnTime() {
    return episodes.resolving();
  }

  public ErrorRateVerdict verdict() {
    if (window.size() < minRequests) {
      return ErrorRateVerdict.BELOW_MIN_REQUESTS;
    }
    double errorsTimes100 = window.errors() * 100.0;
    if (errorsTimes100 > thresholdPercent * window.size()) {
      return ErrorRateVerdict.ABOVE_THRESHOLD;
    }
    return errorsTimes100 <= thresholdPercent * RESOLVE_FRACTION * window.size()
        ? ErrorRateVerdict.OK
        : ErrorRateVerdict.ELEVATED;
  }

  public ErrorRate snapshot() {
    return new ErrorRate(
        window.size(), window.clientErrors(), window.hiddenErrors(), thresholdPercent);
  }

  /** Whether people were told about a spike that is not resolved yet. */
  public boolean alerting() {
    return episodes.isOpen();
  }

  /** The open episode's severity as announced (meaningful while {@link #alerting()}). */
  public Severity severity() {
    return told;
  }

  /**
   * What a restarted watcher needs to go on deciding as if it had never stopped. A state file of
   * the previous version has no {@code episode}: its {@code announced} says whether one is open;
   * nor {@code severity}: an open episode then counts as a warning, so a critical rate is told.
   *
   * @param severity the open episode's severity as announced
   */
  public record State(
      String window,
      boolean announced,
      Episode.State episode,
      boolean pendingOpen,
      boolean sticky,
      long okSince,
      LineRef lastWhere,
      Severity severity) {}

  public State state() {
    return new State(
        window.encode(),
        episodes.isOpen(),
        episodes.episode(),
        episodes.pendingOpen(),
        episodes.sticky(),
        episodes.okSince(),
        episodes.lastWhere(),
        told);
  }

  public void restore(State state) {
    window.restore(state.window() == null ? "" : state.window());
    episodes.restore(
        state.episode() != null
            ? state.episode()
            : new Episode.State(state.announced(), Long.MIN_VALUE, null),
        state.pendingOpen(),
        state.sticky(),
        state.okSince(),
        state.lastWhere());
    told = state.severity() == null ? Severity.WARNING : state.severity();
  }
}
