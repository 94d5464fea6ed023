package dev.bluegreen.watcher.detect;

import dev.bluegreen.watcher.parse.AccessEvent;
import java.util.function.Consumer;

/**
 * Alerts when the p99 of {@code $request_time} over the last N timed requests is above the
 * threshold: a pool that answers slowly but inside Nginx's timeout. Pure: time is the caller's.
 * Requests without a request time (a format without {@code $request_time}) are not in its window.
 *
 * <p>The same episode rules as {@link ErrorRateDetector}: an episode opens on the slow request that
 * pushes p99 over the threshold (the window merely reaching its minimum size opens nothing), is
 * reminded once per cooldown while still above, and resolves once p99 is back at or below {@link
 * #RESOLVE_FRACTION} of the threshold; the third episode within one cooldown resolves only after
 * p99 stayed down for the flap settle time.
 */
public final class LatencyDetector {
  /** Resolved at or below half the threshold, the hysteresis of the error rate. */
  public static final double RESOLVE_FRACTION = ErrorRateDetector.RESOLVE_FRACTION;

  private static final int P99 = 99;
  private static final int P50 = 50;

  private final LatencyWindow window;
  private final int thresholdMillis;
  private final int minRequests;
  private final WindowEpisodes episodes; // over the timed requests only

  public LatencyDetector(
      int windowSize, int thresholdMillis, int minRequests, AlertGate gate, long flapSettleMillis) {
    this.window = new LatencyWindow(windowSize, thresholdMillis, resolveMillis(thresholdMillis));
    this.thresholdMillis = thresholdMillis;
    this.minRequests = minRequests;
    this.episodes = new WindowEpisodes(gate, flapSettleMillis);
  }

  /** The p99 at or below which an alert for {@code thresholdMillis} resolves. */
  static int resolveMillis(int thresholdMillis) {
    return (int) Math.floor(thresholdMillis * RESOLVE_FRACTION);
  }

  /** Adds one request to the window and announces a change of verdict to {@code alerts}. */
  public void observe(AccessEvent event, LineRef where, long now, Consumer<Alert> alerts) {
    int millis = event.requestMillis();
    if (millis < 0) {
      return;
    }
    window.add(millis, where.file(), where.line(), requestId(event));
    LatencyVerdict verdict = verdict();
    episodes.seen(where, verdict == LatencyVerdict.OK, now);
    if (verdict == LatencyVerdict.ABOVE_THRESHOLD && !episodes.isOpen()) {
      // only a slow request entering the window (or one maintenance held back) opens an episode
      if (episodes.opensNow(millis > thresholdMillis)) {
        alerts.accept(Alert.latency(AlertKind.LATENCY, now, where, snapshot(), false));
        episodes.opened(now);
      }
    } else if (verdict == LatencyVerdict.ABOVE_THRESHOLD) {
      if (episodes.mayAnnounce() && episodes.reminderDue(now)) {
        alerts.accept(Alert.latency(AlertKind.LATENCY, now, where, snapshot(), true));
        episodes.announced(now);
      }
    } else {
      episodes.notAbove();
      tick(now, alerts);
    }
  }

  /**
   * The request's {@code $request_id}, for the slowest request's evidence: the parser keeps it for
   * requests at or above the latency threshold ({@code LineParser}'s slowMillis).
   */
  private static String requestId(AccessEvent event) {
    return event.requestId();
  }

  /**
   * Resolves an open episode whose p99 is back down, at once or, for the third episode within one
   * cooldown, once it stayed down for the flap settle time; call it when no line came for a while.
   */
  public void tick(long now, Consumer<Alert> alerts) {
    if (episodes.resolvesNow(now)) {
      alerts.accept(
          Alert.latency(AlertKind.LATENCY_RESOLVED, now, episodes.lastWhere(), snapshot(), false));
      episodes.resolved();
    }
  }

  /** Whether a {@link #tick} may resolve the open episode with time alone, no request arriving. */
  public boolean waitsOnTime() {
    return episodes.resolving();
  }

  /**
   * p99 is above a limit when more requests are slower than it than the 1 % (rounded down) the
   * nearest rank leaves above p99: counted as requests come, so no percentile is computed per line.
   */
  public LatencyVerdict verdict() {
    int size = window.size();
    if (size < minRequests) {
      return LatencyVerdict.BELOW_MIN_REQUESTS;
    }
    int aboveP99 = window.allowedAboveP99();
    if (window.slow() > aboveP99) {
      return LatencyVerdict.ABOVE_THRESHOLD;
    }
    return window.aboveResolve() <= aboveP99 ? LatencyVerdict.OK : LatencyVerdict.ELEVATED;
  }

  /** Whether the window holds enough timed requests to be judged. */
  public boolean judged() {
    return window.size() >= minRequests;
  }

  public Latency snapshot() {
    int slowest = window.slowest();
    return new Latency(
        window.size(),
        window.percentile(P50),
        window.percentile(P99),
        thresholdMillis,
        window.millisAt(slowest),
        window.whereAt(slowest),
        window.requestIdAt(slowest));
  }

  public int thresholdMillis() {
    return thresholdMillis;
  }

  /** Whether people were told about slowness that is not resolved yet. */
  public boolean alerting() {
    return episodes.isOpen();
  }

  /**
   * What a restarted watcher needs to go on deciding as if it had never stopped; where the requests
   * of the window were logged is not kept, so the slowest one's line is unknown until it leaves.
   *
   * @param window the request times of the window, oldest first
   */
  public record State(
      int[] window,
      Episode.State episode,
      boolean pendingOpen,
      boolean sticky,
      long okSince,
      LineRef lastWhere) {}

  public State state() {
    return new State(
        window.toArray(),
        episodes.episode(),
        episodes.pendingOpen(),
        episodes.sticky(),
        episodes.okSince(),
        episodes.lastWhere());
  }

  /**
   * Restores {@link #state()}; {@code null} (a state file from before latency) restores nothing.
   */
  public void restore(State state) {
    if (state == null) {
      return;
    }
    int[] times = state.window() == null ? new int[0] : state.window();
    for (int k = Math.max(0, times.length - window.capacity()); k < times.length; k++) {
      window.add(times[k], null, 0, null);
    }
    episodes.restore(
        state.episode(), state.pendingOpen(), state.sticky(), state.okSince(), state.lastWhere());
  }
}
