package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.source.FollowerStatus;
import dev.bluegreen.watcher.source.LineSink;
import dev.bluegreen.watcher.source.LogFollower;
import dev.bluegreen.watcher.source.LogPosition;
import dev.bluegreen.watcher.state.StateStore;
import dev.bluegreen.watcher.state.WatcherState;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code watcher run}: follows the log into the pipeline on one reading thread, keeps the state
 * file, and applies live controls. Every change of state happens on the reading thread; other
 * threads (the admin endpoint) queue controls and read published snapshots.
 *
 * <p>Before an alert is handed to the outlet, the state file records the line it came from and the
 * detectors' state after it: a crash right after cannot make a restart send it again.
 */
public final class LiveWatcher implements LineSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveWatcher.class);

  /** How often the position is saved while lines flow (alerts save at once). */
  private static final long CHECKPOINT_EVERY_MILLIS = 1_000;

  private final WatcherConfig config;
  private final LiveConfig live;
  private final Outlet outlet;
  private final LongSupplier clock;
  private final Pipeline pipeline;
  private final List<Alert> decided = new ArrayList<>();
  private final StateStore store;
  private final LogFollower follower;
  private final ConcurrentLinkedQueue<Runnable> controls = new ConcurrentLinkedQueue<>();
  private volatile Status status;
  private FollowerStatus followed = FollowerStatus.STARTING; // as of the last poll
  private long lastCheckpoint;
  private long linesAtCheckpoint = -1;
  private String lastCheckpointError;

  /**
   * @param clock wall-clock epoch millis, for lines without a timestamp, idle ticks and controls
   */
  public LiveWatcher(
      WatcherConfig config, LiveConfig live, Outlet outlet, LongSupplier clock, Duration poll) {
    this.config = config;
    this.live = live;
    this.outlet = outlet;
    this.clock = clock;
    this.pipeline = new Pipeline(config, clock, decided::add);
    this.store = live.stateFile() == null ? null : new StateStore(live.stateFile());
    LogPosition resume = restoreState();
    this.follower =
        new LogFollower(live.logPath(), live.start(), resume, poll, Timing.SYSTEM, this);
    publishStatus();
  }

  /** Loads the state file, if any, and returns where to resume reading. */
  private LogPosition restoreState() {
    Optional<WatcherState> saved = store == null ? Optional.empty() : store.load();
    if (saved.isEmpty()) {
      announceMaintenanceAtStart();
      return null;
    }
    WatcherState state = saved.get();
    pipeline.restore(state.detectors());
    if (!config.activePool().equals(state.configuredPool())
        && !config.activePool().equals(pipeline.primary())) {
      log.info(
          "ACTIVE_POOL changed to {} since the last run; expecting it to serve",
          config.activePool());
      pipeline.plannedSwitch(config.activePool(), clock.getAsLong());
    }
    if (config.maintenance() != state.configuredMaintenance()) {
      pipeline.maintenance(config.maintenance());
    }
    announceMaintenanceAtStart();
    boolean sameLog = live.logPath().toString().equals(state.log());
    log.info(
        "restored state from {}: primary {}, serving {}, maintenance {}",
        store.file(),
        pipeline.primary(),
        pipeline.announcedPool(),
        pipeline.maintenance() ? "on" : "off");
    return sameLog ? state.position() : null;
  }

  private void announceMaintenanceAtStart() {
    if (pipeline.maintenance()) {
      log.warn("maintenance mode is on: alerts are suppressed");
    }
  }

  public void start() {
    log.info(
        "following {} (primary pool {}, window {}, threshold {}%, cooldown {} s)",
        live.logPath(),
        pipeline.primary(),
        config.windowSize(),
        config.errorRateThreshold(),
        config.alertCooldown().toSeconds());
    follower.start();
  }

  // ---- the reading thread ----

  @Override
  public void startFile(String name) {
    pipeline.startFile(name);
  }

  @Override
  public void line(byte[] bytes, int offset, int length) {
    pipeline.line(bytes, offset, length);
    if (!decided.isEmpty()) {
      handOn();
    }
  }

  @Override
  public void lines(byte[] bytes, int from, int to) {
    pipeline.lines(bytes, from, to);
    if (!decided.isEmpty()) {
      handOn();
    }
  }

  @Override
  public void oversized() {
    pipeline.oversized();
  }

  @Override
  public void poll(FollowerStatus latest) {
    followed = latest;
    Runnable control;
    while ((control = controls.poll()) != null) {
      control.run();
    }
    pipeline.tick(clock.getAsLong());
    if (!decided.isEmpty()) {
      handOn();
    }
    long now = System.currentTimeMillis();
    if (now - lastCheckpoint >= CHECKPOINT_EVERY_MILLIS) {
      Pipeline.Stats stats = pipeline.stats();
      if (stats.lines() != linesAtCheckpoint) {
        checkpoint();
        linesAtCheckpoint = stats.lines();
      }
      lastCheckpoint = now;
    }
    publishStatus();
  }

  /** Saves the state that includes the alerts just decided, then hands them to the outlet. */
  private void handOn() {
    checkpoint();
    for (Alert alert : decided) {
      outlet.alert(alert);
    }
    decided.clear();
  }

  private void checkpoint() {
    if (store == null) {
      return;
    }
    try {
      LogPosition position = followed.position();
      store.save(
          new WatcherState(
              WatcherState.VERSION,
              live.logPath().toString(),
              position,
              config.activePool(),
              config.maintenance(),
              pipeline.state()));
      lastCheckpointError = null;
    } catch (IOException e) {
      String message = "cannot write the state file " + store.file() + ": " + e;
      if (!message.equals(lastCheckpointError)) {
        log.error(message);
        lastCheckpointError = message;
      }
    }
  }

  private void publishStatus() {
    Pipeline.Stats stats = pipeline.stats();
    status =
        new Status(
            live.logPath().toString(),
            followed.following(),
            followed.waitingForLog(),
            stats,
            followed.rotations(),
            followed.lastLineMillis(),
            pipeline.primary(),
            pipeline.announcedPool(),
            pipeline.maintenance(),
            outlet.deliveryFailures());
  }

  // ---- any thread ----

  /** The latest snapshot, updated at every poll. */
  public Status status() {
    return status;
  }

  /** Turns maintenance mode on or off; completes once the reading thread applied it. */
  public CompletableFuture<Status> maintenance(boolean on) {
    return control(
        () -> {
          if (pipeline.maintenance() == on) {
            return;
          }
          pipeline.maintenance(on);
          log.info("maintenance mode turned {}", on ? "on" : "off");
          outlet.maintenance(on, Instant.ofEpochMilli(clock.getAsLong()));
        });
  }

  /**
   * A planned switch: {@code pool} becomes the expected primary, people get a notice, not a
   * failover page. Completes once the reading thread applied it.
   */
  public CompletableFuture<Status> activePool(String pool) {
    return control(
        () -> {
          String from = pipeline.primary();
          if (from.equals(pool)) {
            return;
          }
          pipeline.plannedSwitch(pool, clock.getAsLong());
          log.info("planned switch: {} -> {}", from, pool);
          outlet.plannedSwitch(from, pool, Instant.ofEpochMilli(clock.getAsLong()));
        });
  }

  private CompletableFuture<Status> control(Runnable change) {
    CompletableFuture<Status> done = new CompletableFuture<>();
    controls.add(
        () -> {
          change.run();
          checkpoint();
          publishStatus();
          done.complete(status);
        });
    return done;
  }

  /** Stops reading and saves the final state. */
  @Override
  public void close() {
    follower.close();
    followed = follower.status(); // the reading thread stopped: where a restart resumes
    Runnable control;
    while ((control = controls.poll()) != null) {
      control.run();
    }
    if (!decided.isEmpty()) {
      handOn();
    }
    checkpoint();
    publishStatus();
  }

  /**
   * What /healthz and {@code watcher ctl status} show.
   *
   * @param following the log file is open and being tailed
   * @param waitingForLog the log file does not exist yet
   * @param lastLineMillis wall-clock millis of the last line read, 0 before the first
   * @param primary the pool expected to serve
   * @param servingPool the pool people were last told serves
   */
  public record Status(
      String log,
      boolean following,
      boolean waitingForLog,
      Pipeline.Stats stats,
      long rotations,
      long lastLineMillis,
      String primary,
      String servingPool,
      boolean maintenance,
      long deliveryFailures) {}
}
