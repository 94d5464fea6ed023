package dev.bluegreen.watcher.notify;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The end of each message's road at one sink, told once and in this order: the shared {@link
 * DeliveryCounts} move, the line is logged (WARN for retries, rejections and give-ups, ERROR for a
 * watcher bug), then the observer gets a {@link Receipt} whose reason holds no secret. An observer
 * that throws never stops delivery.
 */
final class Outcomes {
  private final String sink;
  private final DeliveryCounts counts;
  private final SinkLog log;
  private final Consumer<Receipt> receipts;
  private final UnaryOperator<String> redact;

  Outcomes(
      String sink,
      DeliveryCounts counts,
      SinkLog log,
      Consumer<Receipt> receipts,
      UnaryOperator<String> redact) {
    this.sink = sink;
    this.counts = counts;
    this.log = log;
    this.receipts = receipts;
    this.redact = redact;
  }

  void delivered(Message message, String reason, int attempts) {
    counts.sent.incrementAndGet();
    log.troubleOver("delivering again (" + message.describe() + " accepted)");
    receipt(message, Receipt.Outcome.DELIVERED, reason, attempts);
  }

  /** A failed attempt to be retried after {@code delay}; logged once per distinct reason. */
  void retrying(Message message, String reason, Duration delay, int attempts) {
    counts.retries.incrementAndGet();
    log.trouble(
        reason,
        String.format(
            Locale.ROOT,
            "%s: %s; retrying in %.1f s (attempt %d; the same failure is logged again only once it"
                + " changes)",
            message.describe(),
            reason,
            delay.toMillis() / 1000.0,
            attempts + 1));
  }

  /** A permanent answer; {@code explanation} says what it means at this sink, or is empty. */
  void rejected(Message message, String reason, String explanation, int attempts) {
    long failed = counts.failed.incrementAndGet();
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
    counts.failed.incrementAndGet();
    log.error("cannot render the " + message.describe() + ": " + bug);
    receipt(message, Receipt.Outcome.REJECTED, "cannot render: " + bug, 0);
  }

  /** Retried until the give-up time, or until the drain time ended ({@code shuttingDown}). */
  void gaveUp(Message message, String reason, int attempts, boolean shuttingDown) {
    counts.failed.incrementAndGet();
    log.warn(
        "gave up on the "
            + message.describe()
            + " after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + (shuttingDown ? " (shutting down)" : "")
            + ": "
            + reason);
    receipt(message, Receipt.Outcome.GAVE_UP, reason, attempts);
  }

  /** Pushed out of a full queue ({@link DropReport} logs it) or left unsent at shutdown. */
  void dropped(Message message, String reason) {
    counts.dropped.incrementAndGet();
    receipt(message, Receipt.Outcome.DROPPED, reason, 0);
  }

  /** Queueing failed: a watcher bug; the message is counted as dropped. */
  void notQueued(RuntimeException bug) {
    counts.dropped.incrementAndGet();
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
