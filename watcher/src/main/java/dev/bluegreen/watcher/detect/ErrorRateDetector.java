package dev.bluegreen.watcher.detect;

import dev.bluegreen.watcher.parse.AccessEvent;
import java.util.function.Consumer;

/**
 * Alerts when more than the threshold percent of the last N requests failed, counting both errors
 * the clients saw and upstream errors Nginx hid by retrying. Resolves once the rate is back at or
 * below {@link #RESOLVE_FRACTION} of the threshold, so a rate hovering at the threshold does not
 * flap. Pure: time is the caller's.
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
  private final AlertGate gate;
  private boolean announced;

  public ErrorRateDetector(
      int windowSize, double thresholdPercent, int minRequests, AlertGate gate) {
    this.window = new ErrorWindow(windowSize);
    this.thresholdPercent = thresholdPercent;
    this.minRequests = minRequests;
    this.gate = gate;
  }

  /** Adds one request to the window and announces a change of verdict to {@code alerts}. */
  public void observe(AccessEvent event, LineRef where, long now, Consumer<Alert> alerts) {
    window.add(event.clientError(), event.hiddenError());
    ErrorRateVerdict verdict = verdict();
    if (verdict == ErrorRateVerdict.ABOVE_THRESHOLD
        && gate.mayAnnounce(AlertKind.ERROR_RATE, now)) {
      alerts.accept(Alert.errorRate(AlertKind.ERROR_RATE, now, where, snapshot(), announced));
      gate.announced(AlertKind.ERROR_RATE, now);
      announced = true;
    } else if (verdict == ErrorRateVerdict.OK
        && announced
        && gate.mayAnnounce(AlertKind.ERROR_RATE_RESOLVED, now)) {
      alerts.accept(Alert.errorRate(AlertKind.ERROR_RATE_RESOLVED, now, where, snapshot(), false));
      gate.announced(AlertKind.ERROR_RATE_RESOLVED, now);
      announced = false;
    }
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
    return announced;
  }

  /** What a restarted watcher needs to go on deciding as if it had never stopped. */
  public record State(String window, boolean announced) {}

  public State state() {
    return new State(window.encode(), announced);
  }

  public void restore(State state) {
    window.restore(state.window() == null ? "" : state.window());
    announced = state.announced();
  }
}
