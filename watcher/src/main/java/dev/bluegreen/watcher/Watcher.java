package dev.bluegreen.watcher;

import dev.bluegreen.watcher.source.LogFollower;
import dev.bluegreen.watcher.source.ReplaySource;
import dev.bluegreen.watcher.time.Timing;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The watcher, built from one {@link WatcherConfig} and one clock: it assembles the same stages for
 * {@code replay} and {@code run}, a source of lines, the {@link Pipeline} (parse, detect) and an
 * {@link Outlet} for the alerts. Embeddable in tests; the CLI only builds configs and calls it.
 */
public final class Watcher {
  private final WatcherConfig config;
  private final Timing timing;

  /**
   * @param timing the one clock: lines without a timestamp, idle ticks, controls, checkpoints
   */
  public Watcher(WatcherConfig config, Timing timing) {
    this.config = config;
    this.timing = timing;
  }

  /**
   * Runs existing logs through the pipeline, in order, and returns the counters.
   *
   * @param files paths, {@code .gz} files, or {@code -} for {@code stdin}
   * @param outlet receives each alert as it is decided
   * @param progress called with the pipeline after each chunk read, for progress reports: its
   *     {@link Pipeline#lines()} and {@link Pipeline#alerts()} cost nothing, unlike {@link
   *     Pipeline#stats()} (a latency snapshot), which a report every few seconds may afford
   * @throws ReplaySource.ReplayException when a file cannot be read
   */
  public Pipeline.Stats replay(
      List<String> files, InputStream stdin, Outlet outlet, Consumer<Pipeline> progress) {
    Pipeline pipeline = new Pipeline(config, timing, outlet);
    new ReplaySource(stdin).replay(files, pipeline, () -> progress.accept(pipeline));
    pipeline.finish();
    return pipeline.stats();
  }

  /**
   * Builds the live watcher: the log followed into the pipeline, the state file kept, controls
   * applied; nothing is read before {@link LiveWatcher#start()}.
   */
  public LiveWatcher follow(LiveConfig live, Outlet outlet) {
    return follow(live, outlet, LogFollower.DEFAULT_POLL);
  }

  /** As {@link #follow(LiveConfig, Outlet)}, polling the log every {@code poll} (tests: faster). */
  public LiveWatcher follow(LiveConfig live, Outlet outlet, Duration poll) {
    return new LiveWatcher(config, live, outlet, timing, poll);
  }
}
