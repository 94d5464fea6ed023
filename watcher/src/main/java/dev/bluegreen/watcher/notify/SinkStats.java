package dev.bluegreen.watcher.notify;

import java.time.Instant;
import java.util.Map;

/**
 * One sink's delivery since start, for /metrics and /healthz: a snapshot, safe to keep.
 *
 * @param sink {@code slack}, {@code webhook}, {@code alertmanager} or {@code console}
 * @param queued messages not delivered yet, the one being sent included
 * @param delivered attempts the sink accepted
 * @param failedAttempts attempts that failed (no answer, 429, 5xx, a refusal), counted as each
 *     fails
 * @param dropped messages that will not be delivered, by reason (every reason present)
 * @param failingSince when the current run of failed attempts began, or {@code null} while the sink
 *     answers
 */
public record SinkStats(
    String sink,
    long queued,
    long delivered,
    long failedAttempts,
    Map<DropReason, Long> dropped,
    Instant failingSince) {

  public SinkStats {
    dropped = Map.copyOf(dropped);
  }

  public long dropped(DropReason reason) {
    return dropped.getOrDefault(reason, 0L);
  }

  /**
   * Messages lost: dropped for room, refused or left at shutdown; superseded ones are not lost (a
   * newer message or a summary told them).
   */
  public long lost() {
    return dropped(DropReason.QUEUE_FULL)
        + dropped(DropReason.REFUSED)
        + dropped(DropReason.SHUTDOWN);
  }

  /** Whether the sink is failing now. */
  public boolean failing() {
    return failingSince != null;
  }
}
