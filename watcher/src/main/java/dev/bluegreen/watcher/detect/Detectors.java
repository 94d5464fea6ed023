package dev.bluegreen.watcher.detect;

import dev.bluegreen.watcher.parse.AccessEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every decision about requests, in one place: the error-rate, latency and pool-flip detectors, and
 * once probes are on ({@link #probeEvery}) the {@link StandbyDetector}, behind one shared {@link
 * AlertGate} (reminder cooldown, maintenance), each alert citing the log's evidence ({@link
 * FailureLog}). Pure like its parts: time is passed in, alerts go to the consumer given, and {@link
 * #state()} / {@link #restore} carry everything it remembers across a restart. Not thread safe: the
 * reading thread owns it.
 */
public final class Detectors {
  private final AlertGate gate;
  private final ErrorRateDetector errorRate;
  private final LatencyDetector latency;
  private final PoolFlipDetector poolFlips;
  private final Consumer<Alert> alerts;
  private final long flapSettleMillis;
  private final FailureLog failures = new FailureLog();
  private final EvidenceWait evidence;
  private final RequestStrip strip;
  private long now; // the latest line's log time: evidence covers the span before it
  private long lastPoolLine = Long.MIN_VALUE; // the latest line naming a pool, log time
  private StandbyDetector standby; // null: no probes
  private String servingRelease; // the release of the latest request naming a pool

  /**
   * @param latencyP99Millis the p99 request time above which requests are too slow
   * @param cooldownMillis time between reminders of an open episode, and the span in which three
   *     pool episodes are flapping
   * @param flapSettleMillis how long one pool serves alone to end flapping
   * @param alerts receives every alert, on the calling thread, as it is decided; a failover whose
   *     first line does not show why waits for the line that does ({@link EvidenceWait})
   */
  public Detectors(
      int windowSize,
      double errorRateThreshold,
      int minRequests,
      int latencyP99Millis,
      long cooldownMillis,
      long flapSettleMillis,
      String activePool,
      boolean maintenance,
      Consumer<Alert> alerts) {
    this.gate = new AlertGate(cooldownMillis, maintenance);
    this.errorRate =
        new ErrorRateDetector(windowSize, errorRateThreshold, minRequests, gate, flapSettleMillis);
    this.latency =
        new LatencyDetector(windowSize, latencyP99Millis, minRequests, gate, flapSettleMillis);
    this.poolFlips = new PoolFlipDetector(activePool, gate, flapSettleMillis);
    this.flapSettleMillis = flapSettleMillis;
    this.strip = new RequestStrip(windowSize, latencyP99Millis);
    this.evidence = new EvidenceWait(failures, alerts);
    this.alerts = alert -> evidence.decided(alert, now);
  }

  /** One request, at {@code now} (epoch millis of its log line). */
  public void observe(AccessEvent event, LineRef where, long now) {
    this.now = now;
    failures.observe(event, now);
    evidence.observed(now);
    strip.add(event);
    if (event.pool() != null) {
      lastPoolLine = now;
      servingRelease = event.release();
    }
    errorRate.observe(event, where, now, alerts);
    latency.observe(event, where, now, alerts);
    poolFlips.observe(event, where, now, alerts);
  }

  /** Lets time-based decisions happen while no line arrives; {@code now} is epoch millis. */
  public void tick(long now) {
    evidence.tick(now);
    poolFlips.tick(now, alerts);
    errorRate.tick(now, alerts);
    latency.tick(now, alerts);
    if (standby != null) {
      standby.tick(servingPool(), lastPoolLine, now, alerts);
    }
  }

  /**
   * Milliseconds from {@code now} until a {@link #tick} has a decision due that cannot wait for the
   * follower's own pace (a failover waiting for its evidence); {@link Long#MAX_VALUE} when none.
   */
  public long nextTickWithin(long now) {
    return evidence.dueWithin(now);
  }

  /**
   * Whether a {@link #tick} may decide something with time alone, no line or probe result arriving:
   * a pool settling or flapping, an episode back down waiting to resolve, a standby failing its
   * probes. The live watcher ticks at its poll's pace then, and only at its safety looks while
   * nothing waits (issue 15: idle CPU). A failover waiting for its evidence has its own due time
   * ({@link #nextTickWithin}).
   */
  public boolean waitsOnTime() {
    return poolFlips.waitsOnTime()
        || errorRate.waitsOnTime()
        || latency.waitsOnTime()
        || (standby != null && standby.waitsOnTime());
  }

  /**
   * Turns the standby's probes of {@code pools} on, checked every {@code intervalMillis}; before
   * {@link #restore}.
   */
  public void probeEvery(long intervalMillis, Set<String> pools) {
    standby = new StandbyDetector(gate, intervalMillis, pools);
  }

  /** One probe's result at {@code now} (wall-clock epoch millis); needs {@link #probeEvery}. */
  public void probed(ProbeResult result, long now) {
    standby.probed(result, servingPool(), lastPoolLine, now, alerts);
  }

  /** What the probes know of each pool, in the order of their first result; empty without. */
  public List<StandbyDetector.PoolState> probes() {
    return standby == null ? List.of() : standby.pools();
  }

  /**
   * The input ended at {@code lastTime} (the end of a replay): decide what a live watcher would
   * decide once the log has been quiet long enough: a flip in the last lines is announced, and
   * pools flapping until the end settle on the last one.
   */
  public void finish(long lastTime) {
    tick(lastTime + Math.max(PoolFlipDetector.SETTLE_MILLIS, flapSettleMillis));
    evidence.flush();
  }

  /**
   * Whether a failover waits for the line that says why (at most {@link
   * EvidenceWait#TICK_WAIT_MILLIS} of ticks): a state saved now would record it as announced though
   * no alert went out; save after {@link #flushEvidenceWait()}, or later.
   */
  public boolean waitingForEvidence() {
    return evidence.waiting();
  }

  /** A failover waiting for its evidence goes out now, as it is (before a forced save). */
  public void flushEvidenceWait() {
    evidence.flush();
  }

  /** Turns maintenance mode on or off; suppressed conditions are announced once it is off. */
  public void maintenance(boolean on) {
    gate.maintenance(on);
  }

  public boolean maintenance() {
    return gate.maintenance();
  }

  /** The operator moved traffic to {@code pool} on purpose: not a failover. */
  public void plannedSwitch(String pool, long now) {
    poolFlips.plannedSwitch(pool, now);
  }

  /** The pool expected to serve now. */
  public String primary() {
    return poolFlips.primary();
  }

  /** The pool the log shows now: the one that served the latest request naming a pool. */
  public String servingPool() {
    return poolFlips.servingPool();
  }

  /** The release of the pool serving now, as its latest request logged it, or {@code null}. */
  public String servingRelease() {
    return servingRelease;
  }

  /** The window's requests oldest first, one {@link RequestStrip.Cell#code()} each. */
  public String strip() {
    return strip.encode();
  }

  /** The episodes open now: people were told and no recovery or resolution came yet. */
  public List<OpenEpisode> openEpisodes() {
    List<OpenEpisode> open = new ArrayList<>(3);
    if (poolFlips.offPrimary() || poolFlips.flapping()) {
      open.add(
          new OpenEpisode(
              poolFlips.flapping() ? AlertKind.FLAPPING : AlertKind.FAILOVER, Severity.WARNING));
    }
    if (errorRate.alerting()) {
      open.add(new OpenEpisode(AlertKind.ERROR_RATE, errorRate.severity()));
    }
    if (latency.alerting()) {
      open.add(new OpenEpisode(AlertKind.LATENCY, Severity.WARNING));
    }
    return open;
  }

  /** Whether the pools flap: pool messages wait until one pool has served alone long enough. */
  public boolean flapping() {
    return poolFlips.flapping();
  }

  /** The pool people were last told serves. */
  public String announcedPool() {
    return poolFlips.announcedPool();
  }

  /** The window's error rate now. */
  public ErrorRate errorRate() {
    return errorRate.snapshot();
  }

  /** The window's request times now, or {@code null} while it holds too few to be judged. */
  public Latency latency() {
    return latency.judged() ? latency.snapshot() : null;
  }

  /** The p99 request time above which requests are too slow. */
  public int latencyThresholdMillis() {
    return latency.thresholdMillis();
  }

  /**
   * What the detectors remember, for the state file: a restart decides as if it never stopped.
   * {@code standby} is {@code null} without probes (PROBE_URLS empty, or a file from before them).
   */
  public record State(
      ErrorRateDetector.State errorRate,
      PoolFlipDetector.State poolFlips,
      AlertGate.State gate,
      LatencyDetector.State latency,
      Standby standby) {}

  /**
   * What the probes remember: each pool's checks and episode, and when a line last named a pool.
   */
  public record Standby(StandbyDetector.State probes, long lastPoolLine) {}

  public State state() {
    return new State(
        errorRate.state(),
        poolFlips.state(),
        gate.state(),
        latency.state(),
        standby == null ? null : new Standby(standby.state(), lastPoolLine));
  }

  public void restore(State state) {
    errorRate.restore(state.errorRate());
    latency.restore(state.latency());
    poolFlips.restore(state.poolFlips());
    gate.restore(state.gate());
    if (standby != null && state.standby() != null) {
      standby.restore(state.standby().probes());
      lastPoolLine = state.standby().lastPoolLine();
    }
  }
}
