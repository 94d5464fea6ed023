package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.time.Timing;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Delivers alerts and notices to every configured sink without ever blocking the log reader: each
 * sink has its own bounded queue and sender thread ({@link SinkWorker}) with retries, pacing and a
 * drop policy, so a slow Slack delays neither the reader nor Alertmanager.
 *
 * <p>Two writers are passed in: {@code out} gets the dry run's alert lines (when no Slack webhook
 * is set, alerts are printed there, one readable line each; pass stdout), {@code log} gets the
 * watcher's own lines about delivery (start, retries, rejections, drops; pass stderr). Neither ever
 * shows a webhook URL. Call {@link #close()} on shutdown (SIGTERM): queued messages get {@link
 * DeliveryConfig#drainTimeout()} (10 s) to go out.
 */
public final class AlertDelivery implements AutoCloseable {
  /**
   * Extra time {@link #close()} gives a sender to notice the drain ended, before cutting it off.
   */
  private static final Duration STOP_GRACE = Duration.ofSeconds(2);

  private final List<SinkWorker> workers;
  private final SinkWorker.Counters counters;
  private final Timing timing;
  private final Duration drainTimeout;
  private final PrintWriter log;
  private volatile boolean closed;

  private AlertDelivery(
      List<SinkWorker> workers,
      SinkWorker.Counters counters,
      Timing timing,
      Duration drainTimeout,
      PrintWriter log) {
    this.workers = workers;
    this.counters = counters;
    this.timing = timing;
    this.drainTimeout = drainTimeout;
    this.log = log;
  }

  /**
   * Starts one sender per configured sink, and says once on {@code log} where alerts go.
   *
   * @param out where the dry run prints alerts (stdout), used when no Slack webhook is set
   * @param log where delivery reports itself (stderr)
   */
  public static AlertDelivery start(DeliveryConfig config, PrintWriter out, PrintWriter log) {
    return start(config, out, log, Timing.SYSTEM, receipt -> {});
  }

  /**
   * As {@link #start(DeliveryConfig, PrintWriter, PrintWriter)}, with the clock and sleeper ({@link
   * Timing#SYSTEM} outside tests) and an observer told what became of each message at each sink
   * (called on a sender thread, or the caller's for a drop).
   */
  public static AlertDelivery start(
      DeliveryConfig config,
      PrintWriter out,
      PrintWriter log,
      Timing timing,
      Consumer<Receipt> receipts) {
    UnaryOperator<String> redact = redactor(config);
    List<Notifier> notifiers = Sinks.of(config, out, redact);
    SinkWorker.Counters counters = new SinkWorker.Counters();
    List<SinkWorker> workers = new ArrayList<>();
    for (Notifier notifier : notifiers) {
      workers.add(
          new SinkWorker(
              notifier,
              config.queueCapacity(),
              config.retry(),
              timing,
              counters,
              log,
              receipts,
              redact));
    }
    AlertDelivery delivery =
        new AlertDelivery(workers, counters, timing, config.drainTimeout(), log);
    if (config.slackWebhook() == null) {
      log.println(
          "watcher: Slack is not configured (SLACK_WEBHOOK_URL is unset): alerts are printed to"
              + " stdout");
    }
    log.println("watcher: alerts go to " + delivery.describeSinks());
    log.flush();
    workers.forEach(SinkWorker::start);
    return delivery;
  }

  /** Removes every configured secret: a sink's answer could echo another sink's URL. */
  private static UnaryOperator<String> redactor(DeliveryConfig config) {
    List<SecretUrl> secrets =
        Stream.of(config.slackWebhook(), config.alertWebhook(), config.alertmanager())
            .filter(Objects::nonNull)
            .toList();
    return text -> {
      String out = text;
      for (SecretUrl secret : secrets) {
        out = secret.redact(out);
      }
      return out;
    };
  }

  /** Queues {@code alert} for every sink; never blocks, never throws. */
  public void publish(Alert alert) {
    offer(Message.of(alert));
  }

  /** Queues {@code notice} for Slack, the webhook and the console; never blocks, never throws. */
  public void publish(Notice notice) {
    offer(notice);
  }

  /** Queues a sample alert, marked as a test by every sink (for {@code watcher test-alert}). */
  public void publishSample(Alert alert) {
    offer(Message.sample(alert));
  }

  private void offer(Message message) {
    if (closed) {
      counters.dropped.addAndGet(workers.size()); // too late: the senders are gone
      return;
    }
    for (SinkWorker worker : workers) {
      try {
        worker.offer(message);
      } catch (RuntimeException bug) {
        counters.dropped.incrementAndGet();
        log.println("watcher: " + worker.notifier().name() + ": could not queue a message: " + bug);
        log.flush();
      }
    }
  }

  /** The sinks' names, in order: e.g. {@code [slack, alertmanager]}. */
  public List<String> sinks() {
    return workers.stream().map(worker -> worker.notifier().name()).toList();
  }

  /** E.g. {@code slack (https://hooks.slack.com/***), alertmanager (http://am:9093/***)}. */
  public String describeSinks() {
    return workers.stream()
        .map(worker -> worker.notifier().name() + " (" + worker.notifier().target() + ")")
        .collect(Collectors.joining(", "));
  }

  public DeliveryStats stats() {
    long queued = workers.stream().mapToLong(SinkWorker::queued).sum();
    return new DeliveryStats(
        counters.sent.get(),
        counters.failed.get(),
        counters.dropped.get(),
        counters.retries.get(),
        queued);
  }

  /**
   * Lets queued messages go out for up to the drain time (10 s), then stops every sender; what is
   * still queued then is counted as dropped. Safe to call twice.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    long deadline = timing.nanoTime() + drainTimeout.toNanos();
    workers.forEach(worker -> worker.requestStop(deadline));
    long waitUntil = System.nanoTime() + drainTimeout.plus(STOP_GRACE).toNanos();
    try {
      for (SinkWorker worker : workers) {
        long left = waitUntil - System.nanoTime();
        if (!worker.await(Duration.ofNanos(Math.max(left, 1_000_000)))) {
          worker.forceStop();
          worker.await(STOP_GRACE);
        }
      }
    } catch (InterruptedException e) {
      workers.forEach(SinkWorker::forceStop);
      Thread.currentThread().interrupt();
    }
    log.flush();
  }
}
