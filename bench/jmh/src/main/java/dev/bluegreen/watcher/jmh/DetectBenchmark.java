package dev.bluegreen.watcher.jmh;

import dev.bluegreen.watcher.Outlet;
import dev.bluegreen.watcher.Pipeline;
import dev.bluegreen.watcher.WatcherConfig;
import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.detect.LineRef;
import dev.bluegreen.watcher.parse.AccessEvent;
import dev.bluegreen.watcher.parse.LineParser;
import dev.bluegreen.watcher.parse.LogFormat;
import dev.bluegreen.watcher.time.Timing;
import java.time.Duration;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The decisions per line, with the watcher's default settings: {@link #detect} runs parsed events
 * through the detectors as {@link Pipeline#line} does; {@link #pipeline} is the reading thread's
 * whole work for a line of bytes (parse, count, detect).
 */
@State(Scope.Thread)
public class DetectBenchmark {
  private static final String FILE = "access.log";

  private final WatcherConfig config =
      new WatcherConfig(
          LogFormat.compile(LogFormat.SANDBOX),
          WatcherConfig.DEFAULT_WINDOW_SIZE,
          WatcherConfig.DEFAULT_ERROR_RATE_THRESHOLD,
          WatcherConfig.DEFAULT_MIN_REQUESTS,
          WatcherConfig.DEFAULT_LATENCY_P99_MS,
          Duration.ofSeconds(WatcherConfig.DEFAULT_ALERT_COOLDOWN_SEC),
          Duration.ofSeconds(WatcherConfig.DEFAULT_FLAP_SETTLE_SEC),
          WatcherConfig.DEFAULT_ACTIVE_POOL,
          false,
          1);
  private final Consumer<Alert> alerts =
      alert -> {
        throw new IllegalStateException("the sample lines decide no alert: " + alert);
      };

  private AccessEvent[] events;
  private byte[][] lines;
  private Detectors detectors;
  private Pipeline pipeline;
  private long lineNumber;

  @Setup
  public void setUp() {
    lines = SampleLines.sandbox();
    LineParser parser = new LineParser(config.logFormat());
    events = new AccessEvent[lines.length];
    for (int n = 0; n < lines.length; n++) {
      events[n] = (AccessEvent) parser.parse(lines[n], 0, lines[n].length);
    }
    pipeline = new Pipeline(config, Timing.SYSTEM, Outlet.of(alerts));
    detectors = new Pipeline(config, Timing.SYSTEM, Outlet.of(alerts)).detectors();
    pipeline.startFile(FILE);
  }

  /** What {@link Pipeline#line} does after parsing. */
  @Benchmark
  public void detect() {
    AccessEvent event = events[(int) (lineNumber++ & (SampleLines.COUNT - 1))];
    LineRef where = new LineRef(FILE, lineNumber);
    detectors.observe(event, where, event.epochMillis());
  }

  @Benchmark
  public void pipeline() {
    byte[] line = lines[(int) (lineNumber++ & (SampleLines.COUNT - 1))];
    pipeline.line(line, 0, line.length);
  }
}
