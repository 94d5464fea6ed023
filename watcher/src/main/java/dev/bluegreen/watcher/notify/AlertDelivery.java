package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.time.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts and notices to every configured sink without ever blocking the log reader: each
 * sink has its own bounded queue and sender thread ({@link SinkWorker}) with retries, pacing and a
 * drop policy, so a slow Slack delays neither the reader nor Alertmanager.
 *
 * <p>The dry run's alert lines go to {@code out} (when no Slack webhook is set, alerts are printed
 * there, one readable line each; pass stdout). Delivery's own lines (start, retries, rejections,
 * drops) are logged through SLF4J on this class's logger, each at its own level; none ever shows a
 * webhook URL. Call {@link #close()} on shutdown (SIGTERM): queued messages get {@link
 * DeliveryConfig#drainTimeout()} (10 s) to go out, and a request in flight then gets its own
 * timeout to be answered. What is still undelivered stays in each sink's {@link Outbox}, for the
 * state file ({@link #undelivered()}, {@link #keepUndelivered()}, {@link #restore}).
 */
public final class AlertDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

  /**
   * Extra time {@link #close()} gives a sender to notice the drain ended, before cutting it off.
   */
  private static final Duration STOP_GRACE = Duration.ofSeconds(2);

  private final List<SinkWorker> workers;
  private final DeliveryCounts counts;
  private final Timing timing;
  private final Duration drainTimeout;
  private final Duration requestTimeout;
  private volatile boolean closed;
  private volatile boolean keep;

  private AlertDelivery(
      List<SinkWorker> workers, DeliveryCounts counts, Timing timing, DeliveryConfig config) {
    this.workers = workers;
    this.counts = counts;
    this.timing = timing;
    this.drainTimeout = config.drainTimeout();
    this.requestTimeout = config.requestTimeout();
  }

  /**
   * Starts one sender per sink, and logs once where alerts go. The sinks are built by the caller
   * from the same config ({@code Sinks}, beside the Watcher), so this package knows no integration.
   *
   * @param timing the clock and sleeper ({@link Timing#SYSTEM} outside tests)
   * @param receipts told what became of each message at each sink (called on a sender thread, or
   *     the caller's for a drop)
   */
  public static AlertDelivery start(
      DeliveryConfig config, List<Notifier> sinks, Timing timing, Consumer<Receipt> receipts) {
    UnaryOperator<String> redact = config.redactor();
    DeliveryCounts counts = new DeliveryCounts();
    List<SinkWorker> workers = new ArrayList<>();
    for (Notifier notifier : sinks) {
      workers.add(
          new SinkWorker(
              notifier, config.queueCapacity(), config.retry(), timing, counts, receipts, redact));
    }
    AlertDelivery delivery = new AlertDelivery(workers, counts, timing, config);
    if (config.slackWebhook() == null) {
      LOG.warn(
          "Slack is not configured (SLACK_WEBHOOK_URL is unset): alerts are printed to stdout");
    }
    LOG.info("alerts go to " + delivery.describeSinks());
    workers.forEach(SinkWorker::start);
    return delivery;
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
      counts.dropped.addAndGet(workers.size()); // too late: the senders are gone
      return;
    }
    workers.forEach(worker -> worker.offer(message));
  }

  /** The sinks' names, in order: e.g. {@code [slack, alertmanager]}. */
  public List<String> sinks() {
    return workers.stream().map(worker -> worker.notifier().name()).toList();
  }

  /** The sinks {@code message} goes to, in order: a notice skips those that take none. */
  public List<String> sinksFor(Message message) {
    return workers.stream()
        .map(SinkWorker::notifier)
        .filter(notifier -> !(message instanceof Notice) || notifier.takesNotices())
        .map(Notifier::name)
        .toList();
  }

  /** E.g. {@code slack (https://hooks.slack.com/***), alertmanager (http://am:9093/***)}. */
  public String describeSinks() {
    return workers.stream()
        .map(worker -> worker.notifier().name() + " (" + worker.notifier().target() + ")")
        .collect(Collectors.joining(", "));
  }

  /** Each sink's delivery health, in order. */
  public List<SinkHealth> sinkHealth() {
    List<SinkHealth> health = new ArrayList<>(workers.size()); // loops: see undeliveredVersion
    for (SinkWorker worker : workers) {
      health.add(SinkHealth.of(worker.stats()));
    }
    return Collections.unmodifiableList(health);
  }

  public DeliveryStats stats() {
    long queued = 0;
    for (SinkWorker worker : workers) {
      queued += worker.queued();
    }
    return counts.stats(queued);
  }

  /** Each sink's counts, in {@link #sinks()} order (the console included). */
  public List<SinkStats> sinkStats() {
    List<SinkStats> stats = new ArrayList<>(workers.size());
    for (SinkWorker worker : workers) {
      stats.add(worker.stats());
    }
    return Collections.unmodifiableList(stats);
  }

  /** What each sink has not delivered yet, by sink name, the message being sent first. */
  public Map<String, List<Message>> undelivered() {
    Map<String, List<Message>> all = new LinkedHashMap<>();
    for (SinkWorker worker : workers) {
      all.put(worker.notifier().name(), worker.undelivered());
    }
    return all;
  }

  /** Moves whenever {@link #undelivered()} may have changed: a checkpoint saves it then. */
  public long undeliveredVersion() {
    // loops, not streams, here and in the status' getters: an idle watcher asks at every poll (or
    // every 5 s), interpreted for minutes after start, where a stream's set-up costs far more
    long sum = 0;
    for (SinkWorker worker : workers) {
      sum += worker.version();
    }
    return sum;
  }

  /** Whether a sink has a message not delivered yet: being sent, or waiting. */
  public boolean delivering() {
    for (SinkWorker worker : workers) {
      if (worker.queued() > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Queues what a previous run left undelivered, before any new message: a sink no longer
   * configured loses its messages, said in one line.
   */
  public void restore(Map<String, List<Message>> saved) {
    saved.forEach(
        (sink, messages) -> {
          SinkWorker worker =
              workers.stream()
                  .filter(w -> w.notifier().name().equals(sink))
                  .findFirst()
                  .orElse(null);
          if (worker == null) {
            if (!messages.isEmpty()) {
              LOG.warn(
                  "{} undelivered message(s) for {} are dropped: it is no longer configured",
                  messages.size(),
                  sink);
            }
            return;
          }
          messages.forEach(worker::offer);
          if (!messages.isEmpty()) {
            LOG.info(
                "{}: {} message(s) left undelivered by the last run are sent again",
                sink,
                messages.size());
          }
        });
  }

  /**
   * At {@link #close()}, keep what is undelivered (the caller saves it to the state file) instead
   * of counting it as dropped.
   */
  public void keepUndelivered() {
    keep = true;
  }

  /**
   * Lets queued messages go out for up to the drain time (10 s) and a request in flight then be
   * answered (its timeout), then stops every sender; what is still undelivered is kept ({@link
   * #keepUndelivered()}) or counted as dropped. Safe to call twice.
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
    // a request in flight at the deadline gets its own timeout: its answer says what happened
    long waitUntil = deadline + requestTimeout.toNanos() + STOP_GRACE.toNanos();
    try {
      for (SinkWorker worker : workers) {
        if (!worker.awaitUntil(waitUntil)) {
          worker.forceStop();
          worker.awaitUntil(timing.nanoTime() + STOP_GRACE.toNanos());
        }
      }
    } catch (InterruptedException e) {
      workers.forEach(SinkWorker::forceStop);
      Thread.currentThread().interrupt();
    }
    workers.forEach(worker -> worker.leave(keep));
  }
}
