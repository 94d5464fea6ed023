package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.health.Health;
import dev.bluegreen.watcher.ops.LiveView;
import dev.bluegreen.watcher.ops.WatcherStatus;
import dev.bluegreen.watcher.page.History;
import dev.bluegreen.watcher.page.Timeline;
import dev.bluegreen.watcher.probe.ProbeStatus;
import dev.bluegreen.watcher.probe.ProbeTarget;
import dev.bluegreen.watcher.source.FollowerStatus;
import dev.bluegreen.watcher.source.LogFollower;
import dev.bluegreen.watcher.time.Timing;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds the live watcher's snapshot ({@link WatcherStatus} for /healthz and /metrics, {@link
 * LiveView} for the status page) on the reading thread from its parts, and publishes it for any
 * thread to read: the HTTP side never touches the parts themselves. Samples the page's history as
 * it goes (time passed in).
 */
final class StatusPublisher {
  /**
   * A busy log is polled every 25 ms: the status (percentiles, each sink's counts, the health
   * verdict) is published at most this often in between (CPU per 1M lines at 10,000 lines/s: 5.0 s
   * publishing at every poll, 4.0 s so); controls and stops publish at once.
   */
  static final long PUBLISH_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  /**
   * While nothing changed (no line, alert, delivery, control, nor a change of the follower's
   * status), the status is published this often only: for the verdicts that move with time alone (a
   * grace period ending, drops forgotten). It asks for no wake-up of its own: it is the idle
   * follower's {@link LogFollower#SAFETY_LOOK} (10 s), and a refresh due within {@link
   * #REFRESH_SLACK_NANOS} is done at that wake-up. Publishing at each 1 s poll was half the idle
   * watcher's CPU.
   */
  static final long REFRESH_EVERY_NANOS = LogFollower.SAFETY_LOOK.toNanos();

  /**
   * The soonest a change held back asks to be published from now: a busy follower polls this often
   * anyway ({@link LogFollower#BUSY_POLL}, 25 ms), and a sooner due time would only add polls to a
   * busy log's (a publish up to 25 ms late costs nothing).
   */
  static final long PUBLISH_GRAIN_MILLIS = LogFollower.BUSY_POLL.toMillis();

  /** How early a refresh is done to join a wake-up that comes anyway (a wait can end early). */
  static final long REFRESH_SLACK_NANOS = REFRESH_EVERY_NANOS / 10;

  private static final long UNKNOWN = Long.MIN_VALUE;

  private final String log;
  private final int windowSize;
  private final Pipeline pipeline;
  private final Detectors detectors;
  private final Outlet outlet;
  private final Supplier<String> stateError;
  private final Timing timing;
  private final HealthWatch health;
  private final History history = new History();
  private final Timeline timeline;
  private final List<ProbeTarget> probeTargets;
  private long publishedAt; // timing.nanoTime() of the last publish, reading thread only
  private long publishedChanges = UNKNOWN; // the change count the last publish showed
  private FollowerStatus publishedFollowed; // the follower's status the last publish showed
  private boolean changeWaiting; // the last publishIfDue saw a change it did not publish yet
  private volatile LiveView view;
  private volatile Runnable listener = () -> {};

  /**
   * @param stateError why the state file was not saved last time, or {@code null}
   * @param timeline the messages sent and their delivery, or {@code null} where none is kept
   * @param probeTargets the pools PROBE_URLS checks, in its order
   */
  StatusPublisher(
      String log,
      int windowSize,
      Pipeline pipeline,
      Outlet outlet,
      Supplier<String> stateError,
      Timeline timeline,
      List<ProbeTarget> probeTargets,
      Timing timing) {
    this.log = log;
    this.probeTargets = List.copyOf(probeTargets);
    this.windowSize = windowSize;
    this.pipeline = pipeline;
    this.detectors = pipeline.detectors();
    this.outlet = outlet;
    this.stateError = stateError;
    this.timeline = timeline;
    this.timing = timing;
    this.health = new HealthWatch(log, outlet);
  }

  /**
   * Publishes if something changed since the last publish and that was at least {@link
   * #PUBLISH_EVERY_NANOS} ago, or if nothing changed for {@link #REFRESH_EVERY_NANOS}.
   *
   * @param changes a count that grows with every line, alert, delivery and control: equal counts
   *     mean nothing of the kind happened in between
   */
  void publishIfDue(FollowerStatus followed, long changes) {
    boolean changed = changes != publishedChanges || !followed.equals(publishedFollowed);
    long since = timing.nanoTime() - publishedAt;
    changeWaiting = false;
    if (since >= (changed ? PUBLISH_EVERY_NANOS : REFRESH_EVERY_NANOS - REFRESH_SLACK_NANOS)) {
      publish(followed);
      publishedChanges = changes;
    } else {
      changeWaiting = changed;
    }
  }

  /**
   * Within how many milliseconds the last {@link #publishIfDue} wants to be asked again: a change
   * it held back is published {@link #PUBLISH_EVERY_NANOS} after the last publish (at the soonest
   * {@link #PUBLISH_GRAIN_MILLIS} from now), not at the next safety look seconds later; {@link
   * Long#MAX_VALUE} when it holds nothing back.
   */
  long nextPublishWithinMillis() {
    if (!changeWaiting) {
      return Long.MAX_VALUE;
    }
    long left = publishedAt + PUBLISH_EVERY_NANOS - timing.nanoTime();
    long millis = TimeUnit.NANOSECONDS.toMillis(left + 999_999); // rounded up
    return Math.max(millis, PUBLISH_GRAIN_MILLIS);
  }

  /** Builds and publishes the snapshot now, then tells the listener. */
  void publish(FollowerStatus followed) {
    publishedAt = timing.nanoTime();
    publishedChanges = UNKNOWN; // a caller that knows the count sets it
    changeWaiting = false;
    publishedFollowed = followed;
    long now = timing.millis();
    Pipeline.Stats stats = pipeline.stats();
    Health judged = health.update(followed, stats, stateError.get(), now);
    WatcherStatus status =
        new WatcherStatus(
            log,
            followed.following(),
            followed.waitingForLog(),
            stats.lines(),
            stats.malformed(),
            stats.alertsByKind(),
            stats.windowErrorRatio(),
            followed.rotations(),
            followed.lastLineMillis(),
            detectors.primary(),
            detectors.servingPool(),
            detectors.announcedPool(),
            detectors.maintenance(),
            outlet.deliveryFailures(),
            detectors.errorRate().thresholdPercent() / 100,
            stats.latencyP99Seconds(),
            stats.latencyP50Seconds(),
            stats.latencyThresholdSeconds(),
            outlet.sinks(),
            judged,
            ProbeStatus.of(probeTargets, detectors.probes(), detectors.servingPool()));
    history.sample(now, stats.windowErrorRatio(), stats.latencyP99Seconds());
    view =
        new LiveView(
            status,
            detectors.servingRelease(),
            windowSize,
            detectors.strip(),
            detectors.openEpisodes(),
            history.points(),
            timeline == null ? List.of() : timeline.entries());
    try {
      listener.run();
    } catch (RuntimeException e) {
      // the page's stream must never stop the reading thread; it logs its own failures
    }
  }

  WatcherStatus status() {
    return view.status();
  }

  LiveView view() {
    return view;
  }

  void onPublish(Runnable published) {
    this.listener = published;
  }
}
