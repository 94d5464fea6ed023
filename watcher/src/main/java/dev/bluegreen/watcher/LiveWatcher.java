package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.detect.ProbeResult;
import dev.bluegreen.watcher.notify.SavedMessage;
import dev.bluegreen.watcher.ops.ControlResult;
import dev.bluegreen.watcher.ops.ControlResult.Notice;
import dev.bluegreen.watcher.ops.Controls;
import dev.bluegreen.watcher.ops.LiveView;
import dev.bluegreen.watcher.ops.PendingControl;
import dev.bluegreen.watcher.ops.WatcherStatus;
import dev.bluegreen.watcher.probe.ProbeConfig;
import dev.bluegreen.watcher.probe.Prober;
import dev.bluegreen.watcher.source.ChangeSignal;
import dev.bluegreen.watcher.source.FollowerStatus;
import dev.bluegreen.watcher.source.LineSink;
import dev.bluegreen.watcher.source.LogFollower;
import dev.bluegreen.watcher.source.LogPosition;
import dev.bluegreen.watcher.state.Checkpointer;
import dev.bluegreen.watcher.state.StateStore;
import dev.bluegreen.watcher.time.Timing;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code watcher run}: the log followed into the {@link Pipeline} on one reading thread, the state
 * file kept by a {@link Checkpointer}, live controls applied from a {@link ControlQueue}. Every
 * change of state happens on the reading thread; other threads queue controls and read the
 * published {@link WatcherStatus}.
 *
 * <p>Alerts are held ({@link HeldAlerts}) until the state file records the line they came from and
 * the detectors' state after it: a crash right after cannot make a restart send them again.
 */
public final class LiveWatcher implements LineSink, Controls, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveWatcher.class);

  private final WatcherConfig config;
  private final LiveConfig live;
  private final Timing timing;
  private final HeldAlerts outlet;
  private final Pipeline pipeline;
  private final Detectors detectors;
  private final Checkpointer checkpointer;
  private final ControlQueue controls = new ControlQueue();
  private final ControlNotices notices;
  private final LogFollower follower;
  private final Prober prober;

  private final StatusPublisher published;
  private final long pollMillis;
  private FollowerStatus followed = FollowerStatus.STARTING;
  private long controlsRun; // the reading thread's
  private volatile String savedAtClose;

  LiveWatcher(WatcherConfig config, LiveConfig live, Outlet outlet, Timing timing, Duration poll) {
    this.config = config;
    this.live = live;
    this.timing = timing;
    this.pollMillis = poll.toMillis();
    this.outlet = new HeldAlerts(outlet);
    this.pipeline = new Pipeline(config, timing, this.outlet);
    this.detectors = pipeline.detectors();
    ProbeConfig probes = live.probes();
    if (probes.enabled()) {
      detectors.probeEvery(probes.interval().toMillis(), probes.pools());
    }
    this.prober = Prober.http(probes, timing, this::probed);
    StateStore store = live.stateFile() == null ? null : new StateStore(live.stateFile());
    this.checkpointer =
        new Checkpointer(
            store,
            live.logPath(),
            config.activePool(),
            config.maintenance(),
            timing,
            () -> SavedMessage.save(this.outlet.undelivered()));
    LogPosition resume =
        StartUp.restore(store, live.logPath(), config, detectors, this.outlet, timing);
    StartUp.warn(config, detectors);
    this.follower =
        new LogFollower(
            live.logPath(),
            live.start(),
            resume,
            poll,
            ChangeSignal.notified(live.logPath(), timing),
            timing,
            this);
    this.notices =
        new ControlNotices(this.outlet, timing, detectors.maintenance(), detectors.primary());
    this.published =
        new StatusPublisher(
            live.logPath().toString(),
            config.windowSize(),
            pipeline,
            this.outlet,
            checkpointer::lastError,
            outlet.timeline(),
            live.probes().targets(),
            timing);
    published.publish(followed);
  }

  public void start() {
    log.info(
        "following {} (primary pool {}, window {}, threshold {}%, cooldown {} s)",
        live.logPath(),
        detectors.primary(),
        config.windowSize(),
        config.errorRateThreshold(),
        config.alertCooldown().toSeconds());
    follower.start();
    prober.start();
  }

  // ---- the reading thread ----

  @Override
  public void startFile(String name, long linesBefore) {
    pipeline.startFile(name, linesBefore);
  }

  @Override
  public void line(byte[] bytes, int offset, int length) {
    pipeline.line(bytes, offset, length);
  }

  @Override
  public void lines(byte[] bytes, int from, int to) {
    pipeline.lines(bytes, from, to);
  }

  @Override
  public void oversized() {
    pipeline.oversized();
  }

  @Override
  public void poll(FollowerStatus latest) {
    followed = latest;
    controlsRun += controls.runPending();
    notices.releaseDue(detectors.maintenance(), detectors.primary());
    pipeline.tick();
    checkpoint(outlet.holding());
    // each count only grows: their sum changes when any of them does
    published.publishIfDue(
        followed, pipeline.lines() + pipeline.alerts() + outlet.undeliveredVersion() + controlsRun);
  }

  /**
   * When the follower must poll again though the log stays quiet: a failover's evidence wait or a
   * status change held back, at their own time; within a poll while a decision waits on time alone;
   * else nothing is due and the follower waits for its next safety look (issue 15: an idle watcher
   * wakes once per safety look, not once per poll).
   */
  @Override
  public long nextPollWithinMillis() {
    long due = Math.min(pipeline.nextTickWithin(), published.nextPublishWithinMillis());
    // asked after every busy poll: what waits on time is looked at only if it can change the answer
    return due <= pollMillis || !waitsOnTime() ? due : pollMillis;
  }

  /**
   * Whether something the poll does may happen with time alone: a detector's decision, a held
   * notice, a checkpoint behind the lines read or a delivery under way (whose end is saved within a
   * second).
   */
  private boolean waitsOnTime() {
    return detectors.waitsOnTime()
        || notices.holding()
        || checkpointer.behind(progress())
        || outlet.delivering();
  }

  /** What the periodic checkpoint saves when it moves: the lines read and the outbox's changes. */
  private long progress() {
    return pipeline.lines() + outlet.undeliveredVersion();
  }

  /**
   * Saves the state (now when {@code force}, else when due), then hands on the alerts it includes.
   * While a failover waits for its evidence nothing is saved unless forced, which sends it as it
   * is: a restart before it went out reads its lines again and decides it again.
   */
  private boolean checkpoint(boolean force) {
    if (force) {
      detectors.flushEvidenceWait();
    } else if (detectors.waitingForEvidence()) {
      return true;
    }
    LogPosition position = followed.position();
    if (position != null) {
      position = position.atLine(pipeline.lineNumber()); // the lines handed on end at the offset
    }
    boolean saved = true;
    if (force) {
      saved = checkpointer.save(position, detectors.state());
    } else {
      // the outbox's changes count as progress: what was delivered is saved within a second
      checkpointer.saveIfDue(position, progress(), detectors::state);
    }
    outlet.release();
    return saved;
  }

  // ---- any thread ----

  /** A round of probe results, from the probe thread: decided on the reading thread. */
  private void probed(List<ProbeResult> round) {
    controls.submit(
        () -> {
          long now = timing.millis();
          round.forEach(result -> detectors.probed(result, now));
          return null;
        });
    follower.wake();
  }

  @Override
  public WatcherStatus status() {
    return published.status();
  }

  @Override
  public LiveView view() {
    return published.view();
  }

  @Override
  public void onPublish(Runnable listener) {
    published.onPublish(listener);
  }

  @Override
  public PendingControl<ControlResult> maintenance(boolean on) {
    return control(
        () -> {
          if (detectors.maintenance() == on) {
            return Notice.UNCHANGED;
          }
          detectors.maintenance(on);
          Notice notice = notices.maintenance(on);
          log.info("maintenance mode turned {}{}", on ? "on" : "off", ControlNotices.held(notice));
          return notice;
        });
  }

  /**
   * A planned switch: {@code pool} becomes the expected primary, people get a notice, not a
   * failover page.
   */
  @Override
  public PendingControl<ControlResult> activePool(String pool) {
    return control(
        () -> {
          String from = detectors.primary();
          if (from.equals(pool)) {
            return Notice.UNCHANGED;
          }
          detectors.plannedSwitch(pool, timing.millis());
          Notice notice = notices.plannedSwitch(pool);
          log.info("planned switch: {} -> {}{}", from, pool, ControlNotices.held(notice));
          return notice;
        });
  }

  /**
   * Applies {@code change} on the reading thread, saves the state if it changed, and answers the
   * new status with what became of the notice.
   */
  private PendingControl<ControlResult> control(Supplier<Notice> change) {
    PendingControl<ControlResult> pending =
        controls.submit(
            () -> {
              Notice notice = change.get();
              if (notice != Notice.UNCHANGED) {
                checkpoint(true);
              }
              published.publish(followed);
              return new ControlResult(published.status(), notice);
            });
    follower.wake(); // applied at the next poll: now, not when the log next changes
    return pending;
  }

  /** Stops reading and saves the final state; {@link #savedAtClose()} then says what it saved. */
  @Override
  public void close() {
    prober.close();
    follower.close();
    followed = follower.status();
    controls.runPending();
    notices.flush(detectors.maintenance(), detectors.primary());
    boolean saved = checkpoint(true);
    published.publish(followed);
    long lines = published.status().lines();
    String read = lines + (lines == 1 ? " line read" : " lines read");
    savedAtClose =
        live.stateFile() == null
            ? "no state file, " + read
            : (saved ? "state saved to " : "state NOT saved to ")
                + live.stateFile()
                + " after "
                + read;
  }

  /**
   * After {@link #close()} and the end of delivery: saves the state again with what delivery left
   * undelivered, so a restart sends exactly that; false if the state file could not be written.
   */
  public boolean saveUndelivered() {
    return checkpointer.save(followed.position(), detectors.state());
  }

  /**
   * After {@link #close()}, e.g. {@code state saved to /var/lib/x/state.json after 1234 lines
   * read}; before it, {@code null}.
   */
  public String savedAtClose() {
    return savedAtClose;
  }
}
