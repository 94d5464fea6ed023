package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.source.ReplaySource;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The watcher, built from one {@link WatcherConfig}: embeddable in tests, driven by the CLI. Today
 * it replays logs; live tailing plugs into the same {@link Pipeline}.
 */
public final class Watcher {
  private final WatcherConfig config;
  private final LongSupplier clock;

  /**
   * @param clock epoch millis for lines that carry no timestamp
   */
  public Watcher(WatcherConfig config, LongSupplier clock) {
    this.config = config;
    this.clock = clock;
  }

  public WatcherConfig config() {
    return config;
  }

  public Pipeline pipeline(Consumer<Alert> alerts) {
    return new Pipeline(config, clock, alerts);
  }

  /**
   * Runs the whole decision pipeline over existing logs, in order, and returns the counters.
   *
   * @param files paths, {@code .gz} files, or {@code -} for {@code stdin}
   * @param alerts receives each alert as it is decided
   * @param progress called with the counters after each chunk read, for progress reports
   * @throws ReplaySource.ReplayException when a file cannot be read
   */
  public Pipeline.Stats replay(
      List<String> files,
      InputStream stdin,
      Consumer<Alert> alerts,
      Consumer<Pipeline.Stats> progress) {
    Pipeline pipeline = pipeline(alerts);
    new ReplaySource(stdin).replay(files, pipeline, () -> progress.accept(pipeline.stats()));
    pipeline.finish();
    return pipeline.stats();
  }
}
