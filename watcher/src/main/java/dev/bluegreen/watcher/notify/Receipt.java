package dev.bluegreen.watcher.notify;

/**
 * What became of one message at one sink, for {@code watcher test-alert} and tests.
 *
 * @param sink the sink's {@link Notifier#name()}
 * @param message the message
 * @param outcome delivered, rejected or dropped
 * @param reason the last answer, e.g. {@code 404 no_service}, or a {@link DropReason}'s name
 * @param attempts requests made for it
 */
public record Receipt(String sink, Message message, Outcome outcome, String reason, int attempts) {

  /** The end of a message's road at one sink. */
  public enum Outcome {
    DELIVERED,
    /** a permanent answer (400, 403, 404, 410): not retried */
    REJECTED,
    /** superseded, pushed out of a full outbox, or left at shutdown without a state file */
    DROPPED
  }
}
