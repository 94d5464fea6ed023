package dev.bluegreen.watcher.detect;

import dev.bluegreen.watcher.parse.AccessEvent;
import java.util.function.Consumer;

/**
 * Tells people which pool serves: a failover when traffic leaves the expected primary, a recovery
 * when it comes back. Pure: time is the caller's.
 *
 * <p>Leaving the primary is announced on the first request another pool serves, so a failover is
 * known at once. Any later change (back to the primary, or on to a third pool) is announced once
 * the new pool has settled: it served {@link #SETTLE_REQUESTS} requests in a row, or it has been
 * the latest pool for {@link #SETTLE_MILLIS}. Mixed traffic while Nginx flips therefore yields one
 * message, and the last message says which pool serves. A failover within the cooldown of the
 * previous one waits for the cooldown and goes out only if traffic is still on that pool.
 */
public final class PoolFlipDetector {
  /** Requests in a row from a pool that make it the serving pool. */
  public static final int SETTLE_REQUESTS = 3;

  /** Time as the latest pool that makes a pool the serving pool. */
  public static final long SETTLE_MILLIS = 5_000;

  private final String primary;
  private final AlertGate gate;
  private String announced;

  private String candidate;
  private int candidateRequests;
  private long candidateSince;
  private LineRef candidateWhere;
  private String candidateRelease;

  public PoolFlipDetector(String primary, AlertGate gate) {
    this.primary = primary;
    this.gate = gate;
    this.announced = primary;
  }

  /** Takes one request into account; requests Nginx answered itself (no pool) change nothing. */
  public void observe(AccessEvent event, LineRef where, long now, Consumer<Alert> alerts) {
    tick(now, alerts);
    String pool = event.pool();
    if (pool == null) {
      return;
    }
    if (pool.equals(announced)) {
      candidate = null;
      remindIfStillFailedOver(event, where, now, alerts);
      return;
    }
    if (!pool.equals(candidate)) {
      candidate = pool;
      candidateRequests = 0;
      candidateSince = now;
      candidateWhere = where;
    }
    candidateRequests++;
    candidateRelease = event.release();
    if (announced.equals(primary) || candidateRequests >= SETTLE_REQUESTS) {
      announceCandidate(now, alerts);
    }
  }

  /** Announces a pool that has settled by time; call it when no line came for a while. */
  public void tick(long now, Consumer<Alert> alerts) {
    if (candidate != null && now - candidateSince >= SETTLE_MILLIS) {
      announceCandidate(now, alerts);
    }
  }

  private void announceCandidate(long now, Consumer<Alert> alerts) {
    AlertKind kind = candidate.equals(primary) ? AlertKind.RECOVERY : AlertKind.FAILOVER;
    if (!gate.mayAnnounce(kind, now)) {
      return; // still pending: announced when the cooldown ends, if traffic is still there
    }
    alerts.accept(
        Alert.pool(
            kind, candidateSince, candidateWhere, announced, candidate, candidateRelease, false));
    gate.announced(kind, now);
    announced = candidate;
    candidate = null;
  }

  private void remindIfStillFailedOver(
      AccessEvent event, LineRef where, long now, Consumer<Alert> alerts) {
    if (!announced.equals(primary) && gate.mayAnnounce(AlertKind.FAILOVER, now)) {
      alerts.accept(
          Alert.pool(AlertKind.FAILOVER, now, where, primary, announced, event.release(), true));
      gate.announced(AlertKind.FAILOVER, now);
    }
  }

  /** The pool people were last told serves. */
  public String announcedPool() {
    return announced;
  }

  public String primary() {
    return primary;
  }
}
