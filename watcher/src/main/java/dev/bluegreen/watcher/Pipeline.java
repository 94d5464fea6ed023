package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.AlertGate;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRateDetector;
import dev.bluegreen.watcher.detect.LineRef;
import dev.bluegreen.watcher.detect.PoolFlipDetector;
import dev.bluegreen.watcher.parse.AccessEvent;
import dev.bluegreen.watcher.parse.BlockParser;
import dev.bluegreen.watcher.parse.Malformed;
import dev.bluegreen.watcher.parse.Parsed;
import dev.bluegreen.watcher.source.LineReader;
import dev.bluegreen.watcher.source.LineSink;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The reading thread's whole job for each line: parse it, count it, run the detectors, hand any
 * alert on. Replay and live tailing feed the same pipeline, so they decide alike. Many lines at
 * once are parsed on every core ({@link BlockParser}) and decided in order. Not thread safe.
 */
public final class Pipeline implements LineSink {
  private static final Malformed OVERSIZED =
      new Malformed("longer than " + LineReader.MAX_LINE_BYTES + " bytes");

  private final BlockParser parser;
  private final Consumer<Parsed> observe = this::observe;
  private final AlertGate gate;
  private final ErrorRateDetector errorRate;
  private final PoolFlipDetector poolFlips;
  private final Consumer<Alert> alerts;
  private final LongSupplier clock;

  private String file = "-";
  private long lineNumber;
  private long lines;
  private long malformed;
  private long alertCount;
  private final long[] alertsByKind = new long[AlertKind.values().length];
  private LineRef firstMalformedAt;
  private Malformed firstMalformed;
  private long lastTime = AccessEvent.NO_TIME;

  /**
   * @param clock epoch millis used for lines that carry no timestamp of their own
   * @param alerts receives every alert, on the reading thread
   */
  public Pipeline(WatcherConfig config, LongSupplier clock, Consumer<Alert> alerts) {
    this.parser =
        new BlockParser(
            config.logFormat(), config.parseThreads(), LineReader.MAX_LINE_BYTES, OVERSIZED);
    this.gate = new AlertGate(config.alertCooldown().toMillis(), config.maintenance());
    this.errorRate =
        new ErrorRateDetector(
            config.windowSize(), config.errorRateThreshold(), config.minRequests(), gate);
    this.poolFlips = new PoolFlipDetector(config.activePool(), gate);
    this.clock = clock;
    this.alerts =
        alert -> {
          alertCount++;
          alertsByKind[alert.kind().ordinal()]++;
          alerts.accept(alert);
        };
  }

  /** Lines that follow come from {@code name}, numbered from 1. */
  @Override
  public void startFile(String name) {
    file = name;
    lineNumber = 0;
  }

  @Override
  public void line(byte[] bytes, int offset, int length) {
    observe(parser.parseLine(bytes, offset, length));
  }

  /** Many lines at once: parsed on every core, decided in order on this thread. */
  @Override
  public void lines(byte[] bytes, int from, int to) {
    parser.parse(bytes, from, to, observe);
  }

  private void observe(Parsed parsed) {
    lineNumber++;
    lines++;
    if (parsed instanceof AccessEvent event) {
      long now = event.hasTime() ? event.epochMillis() : clock.getAsLong();
      lastTime = now;
      LineRef where = new LineRef(file, lineNumber);
      errorRate.observe(event, where, now, alerts);
      poolFlips.observe(event, where, now, alerts);
    } else {
      countMalformed((Malformed) parsed);
    }
  }

  @Override
  public void oversized() {
    lineNumber++;
    lines++;
    countMalformed(OVERSIZED);
  }

  private void countMalformed(Malformed reason) {
    malformed++;
    if (firstMalformed == null) {
      firstMalformed = reason;
      firstMalformedAt = new LineRef(file, lineNumber);
    }
  }

  /** Lets time-based decisions happen while no line arrives; {@code now} is epoch millis. */
  public void tick(long now) {
    poolFlips.tick(now, alerts);
  }

  /**
   * The input ended (end of a replay): decide what a live watcher would decide once the log has
   * been quiet long enough, so a flip in the last lines is not left unannounced.
   */
  public void finish() {
    if (lastTime != AccessEvent.NO_TIME) {
      tick(lastTime + PoolFlipDetector.SETTLE_MILLIS);
    }
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

  /** The pool people were last told serves. */
  public String announcedPool() {
    return poolFlips.announcedPool();
  }

  public Stats stats() {
    return new Stats(
        lines,
        malformed,
        alertCount,
        alertsByKind.clone(),
        errorRate.snapshot().percent() / 100,
        firstMalformedAt,
        firstMalformed);
  }

  /**
   * Counters since the pipeline started; the first malformed line is kept as an example.
   *
   * @param alertsByKind alerts decided, indexed by {@link AlertKind#ordinal()}
   * @param windowErrorRatio errors in the window as a fraction (0..1)
   */
  public record Stats(
      long lines,
      long malformed,
      long alerts,
      long[] alertsByKind,
      double windowErrorRatio,
      LineRef firstMalformedAt,
      Malformed firstMalformed) {

    public long parsed() {
      return lines - malformed;
    }

    public long alerts(AlertKind kind) {
      return alertsByKind[kind.ordinal()];
    }
  }

  /** What the detectors remember, for the state file: a restart decides as if it never stopped. */
  public record State(
      ErrorRateDetector.State errorRate, PoolFlipDetector.State poolFlips, AlertGate.State gate) {}

  public State state() {
    return new State(errorRate.state(), poolFlips.state(), gate.state());
  }

  public void restore(State state) {
    errorRate.restore(state.errorRate());
    poolFlips.restore(state.poolFlips());
    gate.restore(state.gate());
  }
}
