package dev.bluegreen.watcher.notify;

/** Why a message was not delivered, as the {@code reason} label of the dropped-alerts metric. */
public enum DropReason {
  /** the queue was full and nothing less important was left to drop */
  QUEUE_FULL("queue_full"),
  /** newer messages of the same episode said it, or a summary does */
  SUPERSEDED("superseded"),
  /** the sink answered that it will never take it (400, 403, 404, 410) */
  REFUSED("refused"),
  /** still undelivered when the watcher stopped, and no state file keeps it */
  SHUTDOWN("shutdown");

  private final String wireName;

  DropReason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
