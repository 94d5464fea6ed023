package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.time.Timing;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The end of each message's road at one sink, told once and in this order: the counts move (the
 * sink's own and the total), the line is logged (a WARN at the first failed attempt, then once a
 * minute while the sink fails or at once when the reason changes; ERROR for a watcher bug), then
 * the observer gets a {@link Receipt} whose reason holds no secret. An observer that throws never
 * stops delivery.
 */
final class Outcomes {
  /** While a sink fails, one WARN line per this long. */
  static final long FAILING_WARN_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final String sink;
  private final DeliveryCounts total;
  private final SinkCounts counts;
  private final SinkLog log;
  private final Consumer<Receipt> receipts;
  private final UnaryOperator<String> redact;
  private final Timing timing;
  private long lastWarn; // sender thread only, as are the two below
  private boolean warned;
  private String lastReason;

  Outcomes(
      String sink,
      DeliveryCounts total,
      SinkCounts counts,
      SinkLog log,
      Consumer<Receipt> receipts,
      UnaryOperator<String> redact,
      Timing timing) {
    this.sink = sink;
    this.total = total;
    this.counts = counts;
    this.log = log;
    this.receipts = receipts;
    this.redact = redact;
    this.timing = timing;
  }

  void delivered(Message message, String reason, int attempts) {
    total.sent.incrementAndGet();
    Instant since = counts.failingSince();
    counts.delivered();
    if (since != null) {
      log.info(
          "delivering again (" + message.describe() + " accepted; failing since " + since + ")");
      warned = false;
    }
    receipt(message, Receipt.Outcome.DELIVERED, reason, attempts);
  }

  /**
   * A failed attempt, to be tried again after {@code delay}: counted now, logged at the first, then
   * once a minute while the sink fails, and whenever the reason changes.
   */
  void failed(Message message, String reason, Duration delay, int attempts, int waiting) {
    total.retries.incrementAndGet();
    Instant since = counts.failed(timing.now());
    long now = timing.nanoTime();
    if (warned && now - lastWarn < FAILING_WARN_NANOS && reason.equals(lastReason)) {
      return;
    }
    warned = true;
    lastWarn = now;
    lastReason = reason;
    log.warn(
        String.format(
            Locale.ROOT,
            "failing since %s: %s: %s; %d message%s waiting, the current state goes first when it"
                + " answers; next attempt in %.1f s (attempt %d of this one; said again in a"
                + " minute while it fails, or when the reason changes)",
            since,
            message.describe(),
            reason,
            waiting,
            waiting == 1 ? "" : "s",
            delay.toMillis() / 1000.0,
            attempts + 1));
  }

  /** A permanent answer; {@code explanation} says what it means at this sink, or is empty. */
  void rejected(Message message, String reason, String explanation, int attempts) {
    long failed = total.failed.incrementAndGet();
    counts.refused();
    log.warn(
        "rejected the "
            + message.describe()
            + ": "
            + reason
            + explanation
            + "; not retried ("
            + failed
            + " failed so far)");
    receipt(message, Receipt.Outcome.REJECTED, reason, attempts);
  }

  /** The sink cannot render the message: a watcher bug, so it is rejected without a request. */
  void unrenderable(Message message, RuntimeException bug) {
    total.failed.incrementAndGet();
    counts.dropped(DropReason.REFUSED);
    log.error("cannot render the " + message.describe() + ": " + bug);
    receipt(message, Receipt.Outcome.REJECTED, "cannot render: " + bug, 0);
  }

  /** The stop budget ended during a request: the sink may have it or not; it stays undelivered. */
  void unanswered(Message message, String reason) {
    log.warn(
        "no answer to the "
            + message.describe()
            + " before the stop budget ended ("
            + reason
            + "): it may have arrived, and stays undelivered (sent again after a restart: at"
            + " least once)");
  }

  /** Superseded, pushed out of a full outbox ({@link DropReport} logs it), or left at shutdown. */
  void dropped(Message message, DropReason reason) {
    if (reason != DropReason.SUPERSEDED) {
      total.dropped.incrementAndGet();
    }
    counts.dropped(reason);
    receipt(message, Receipt.Outcome.DROPPED, reason.wireName(), 0);
  }

  /** Queueing failed: a watcher bug; the message is counted as dropped. */
  void notQueued(RuntimeException bug) {
    total.dropped.incrementAndGet();
    counts.dropped(DropReason.QUEUE_FULL);
    log.error("could not queue a message: " + bug);
  }

  private void receipt(Message message, Receipt.Outcome outcome, String reason, int attempts) {
    try {
      receipts.accept(new Receipt(sink, message, outcome, redact.apply(reason), attempts));
    } catch (RuntimeException ignored) {
      // an observer's failure must not stop delivery
    }
  }
}
