package dev.bluegreen.watcher.notify;

/**
 * What became of one message at one sink, for {@code watcher test-alert} and tests.
 *
 * @param sink the sink's {@link Notifier#name()}
 * @param message the message
 * @param outcome delivered, rejected, given up or dropped
 * @param reason the last answer, e.g. {@code 404 no_service}
 * @param attempts requests made for it
 */
public record Receipt(String sink, Message message, Outcome outcome, String reason, int attempts) {

  /** The end of a message's road at one sink. */
  public enum Outcome {
    DELIVERED,
    /** a permanent answer (400, 403, 404, 410): not retried */
    REJECTED,
    /** retried until the give-up time or the end of the shutdown drain */
    GAVE_UP,
    /** pushed out of a full queue, or still queued when the drain time ended */
    DROPPED
  }
}
