package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.detect.Latency;
import dev.bluegreen.watcher.detect.LineRef;
import dev.bluegreen.watcher.parse.AccessEvent;
import dev.bluegreen.watcher.parse.BlockParser;
import dev.bluegreen.watcher.parse.Malformed;
import dev.bluegreen.watcher.parse.Parsed;
import dev.bluegreen.watcher.source.LineReader;
import dev.bluegreen.watcher.source.LineSink;
import dev.bluegreen.watcher.time.Timing;
import java.util.function.Consumer;

/**
 * The reading thread's whole job for each line: parse it, count it, run the detectors, hand any
 * alert to the {@link Outlet}. Replay and live tailing feed the same pipeline, so they decide
 * alike. Many lines at once are parsed on every core ({@link BlockParser}) and decided in order.
 * Not thread safe.
 */
public final class Pipeline implements LineSink {
  private static final Malformed OVERSIZED =
      new Malformed("longer than " + LineReader.MAX_LINE_BYTES + " bytes");

  private final BlockParser parser;
  private final Consumer<Parsed> observe = this::observe;
  private final Detectors detectors;
  private final Timing timing;

  private String file = "-";
  private long lineNumber;
  private long lines;
  private long malformed;
  private long alertCount;
  private final long[] alertsByKind = new long[AlertKind.values().length];
  private LineRef firstMalformedAt;
  private Malformed firstMalformed;
  private final MalformedRun malformedRun = new MalformedRun();
  private long lastTime = AccessEvent.NO_TIME;

  /**
   * @param timing the wall clock, for lines that carry no timestamp of their own
   * @param outlet receives every alert, on the reading thread
   */
  public Pipeline(WatcherConfig config, Timing timing, Outlet outlet) {
    this.parser =
        new BlockParser(
            config.logFormat(),
            config.parseThreads(),
            LineReader.MAX_LINE_BYTES,
            OVERSIZED,
            config.latencyP99Millis());
    this.timing = timing;
    this.detectors =
        new Detectors(
            config.windowSize(),
            config.errorRateThreshold(),
            config.minRequests(),
            config.latencyP99Millis(),
            config.alertCooldown().toMillis(),
            config.flapSettle().toMillis(),
            config.activePool(),
            config.maintenance(),
            alert -> {
              alertCount++;
              alertsByKind[alert.kind().ordinal()]++;
              outlet.alert(alert);
            });
  }

  /** Lines that follow come from {@code name}, numbered from 1. */
  @Override
  public void startFile(String name) {
    startFile(name, 0);
  }

  /**
   * Lines that follow come from {@code name}, numbered from {@code linesBefore + 1}, or on from the
   * last line read ({@link LineSink#CONTINUES}).
   */
  @Override
  public void startFile(String name, long linesBefore) {
    file = name;
    if (linesBefore != LineSink.CONTINUES) {
      lineNumber = linesBefore;
    }
  }

  /** The number of the last line read in the current file (0 before its first). */
  public long lineNumber() {
    return lineNumber;
  }

  @Override
  public void line(byte[] bytes, int offset, int length) {
    malformedRun.block(bytes, offset, offset + length, lineNumber + 1);
    observe(parser.parseLine(bytes, offset, length));
    malformedRun.endBlock();
  }

  /** Many lines at once: parsed on every core, decided in order on this thread. */
  @Override
  public void lines(byte[] bytes, int from, int to) {
    malformedRun.block(bytes, from, to, lineNumber + 1);
    parser.parse(bytes, from, to, observe);
    malformedRun.endBlock();
  }

  private void observe(Parsed parsed) {
    lineNumber++;
    lines++;
    if (parsed instanceof AccessEvent event) {
      long now = event.hasTime() ? event.epochMillis() : timing.millis();
      lastTime = now;
      malformedRun.parsed();
      detectors.observe(event, new LineRef(file, lineNumber), now);
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
    malformedRun.malformed(reason, new LineRef(file, lineNumber));
    if (firstMalformed == null) {
      firstMalformed = reason;
      firstMalformedAt = new LineRef(file, lineNumber);
    }
  }

  /** Lets time-based decisions happen while no line arrives. */
  public void tick() {
    detectors.tick(timing.millis());
  }

  /** Milliseconds until a {@link #tick} has a decision due; {@link Long#MAX_VALUE}: none. */
  public long nextTickWithin() {
    return detectors.nextTickWithin(timing.millis());
  }

  /**
   * The input ended (end of a replay): decide what a live watcher would decide once the log has
   * been quiet long enough, so a flip in the last lines is not left unannounced.
   */
  public void finish() {
    if (lastTime != AccessEvent.NO_TIME) {
      detectors.finish(lastTime);
    }
  }

  /** The decisions themselves: controls, the pools, and the state a restart needs. */
  public Detectors detectors() {
    return detectors;
  }

  /** Lines read so far, malformed ones included; unlike {@link #stats()}, allocates nothing. */
  public long lines() {
    return lines;
  }

  /** Alerts decided so far; unlike {@link #stats()}, allocates nothing. */
  public long alerts() {
    return alertCount;
  }

  public Stats stats() {
    Latency latency = detectors.latency();
    return new Stats(
        lines,
        malformed,
        alertCount,
        alertsByKind.clone(),
        detectors.errorRate().percent() / 100,
        latency == null ? Double.NaN : latency.p99Millis() / 1000.0,
        latency == null ? Double.NaN : latency.p50Millis() / 1000.0,
        detectors.latencyThresholdMillis() / 1000.0,
        firstMalformedAt,
        firstMalformed,
        malformedRun.snapshot());
  }

  /**
   * Counters since the pipeline started; the first malformed line is kept as an example.
   *
   * @param alertsByKind alerts decided, indexed by {@link AlertKind#ordinal()}
   * @param windowErrorRatio errors in the window as a fraction (0..1)
   * @param latencyP99Seconds the window's p99 request time, NaN until it holds MIN_REQUESTS timed
   *     requests
   * @param latencyP50Seconds the window's median request time, NaN as p99
   * @param latencyThresholdSeconds the p99 above which requests are too slow
   * @param malformedRun the malformed lines read since the last line that parsed
   */
  public record Stats(
      long lines,
      long malformed,
      long alerts,
      long[] alertsByKind,
      double windowErrorRatio,
      double latencyP99Seconds,
      double latencyP50Seconds,
      double latencyThresholdSeconds,
      LineRef firstMalformedAt,
      Malformed firstMalformed,
      MalformedRun.Run malformedRun) {

    public long parsed() {
      return lines - malformed;
    }

    public long alerts(AlertKind kind) {
      return alertsByKind[kind.ordinal()];
    }
  }
}
