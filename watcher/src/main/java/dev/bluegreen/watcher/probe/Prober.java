package dev.bluegreen.watcher.probe;

import dev.bluegreen.watcher.detect.ProbeResult;
import dev.bluegreen.watcher.time.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every pool's health URL once per interval on one daemon thread that sleeps in between, and
 * hands each round's results to {@code results} (which passes them to the reading thread: the
 * decisions are not made here). Rounds start an interval apart; a round that overran starts the
 * next at once. Nothing runs without targets.
 */
public final class Prober implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Prober.class);

  private final ProbeConfig config;
  private final Function<ProbeTarget, ProbeResult> check;
  private final Timing timing;
  private final Consumer<List<ProbeResult>> results;
  private volatile boolean stopped;
  private Thread thread;

  /**
   * @param check one check of one target, returning within its timeouts ({@link HttpProbe#check})
   * @param results receives each round's results, in PROBE_URLS order, on the probe thread
   */
  public Prober(
      ProbeConfig config,
      Function<ProbeTarget, ProbeResult> check,
      Timing timing,
      Consumer<List<ProbeResult>> results) {
    this.config = config;
    this.check = check;
    this.timing = timing;
    this.results = results;
  }

  /** A prober of {@code config}'s URLs over HTTP ({@link HttpProbe}, its timeouts). */
  public static Prober http(
      ProbeConfig config, Timing timing, Consumer<List<ProbeResult>> results) {
    HttpProbe probe = new HttpProbe(config.connectTimeout(), config.readTimeout());
    return new Prober(config, probe::check, timing, results);
  }

  /** Starts the probe thread; does nothing without targets. */
  public synchronized void start() {
    if (!config.enabled() || thread != null) {
      return;
    }
    thread = new Thread(this::run, "probe");
    thread.setDaemon(true);
    thread.start();
    log.info(
        "probing {} every {} s",
        config.targets().stream().map(t -> t.pool() + "=" + t.url()).toList(),
        config.interval().toSeconds());
  }

  /** One round: every target checked, in order; the probe thread's work, and a test's. */
  public List<ProbeResult> round() {
    List<ProbeResult> round = new ArrayList<>(config.targets().size());
    for (ProbeTarget target : config.targets()) {
      round.add(check.apply(target));
    }
    return round;
  }

  private void run() {
    long interval = config.interval().toNanos();
    try {
      while (!stopped) {
        long start = timing.nanoTime();
        List<ProbeResult> round = round();
        if (stopped) {
          return;
        }
        results.accept(round);
        timing.sleep(interval - (timing.nanoTime() - start));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // close() asked: stop
    } catch (RuntimeException e) {
      log.error("the probes stopped: {}", e.toString(), e);
    }
  }

  /** Stops the thread; waits at most one check's timeouts for a check under way. */
  @Override
  public void close() {
    Thread running;
    synchronized (this) {
      stopped = true;
      running = thread;
    }
    if (running == null) {
      return;
    }
    running.interrupt();
    try {
      running.join(
          config.connectTimeout().plus(config.readTimeout()).toMillis()
              + TimeUnit.SECONDS.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
