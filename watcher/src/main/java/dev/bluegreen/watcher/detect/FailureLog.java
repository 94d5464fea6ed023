package dev.bluegreen.watcher.detect;

import dev.bluegreen.watcher.parse.AccessEvent;
import dev.bluegreen.watcher.parse.FailedAttempt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The recent upstream attempts and failures the alerts cite as {@link Evidence}: per upstream
 * address, its pool (learned from the lines it answered) and its attempts and failures per second
 * of log time; and a ring of the latest failures with their status and request id. Pure (time is
 * passed in), bounded ({@link #ADDRESSES} addresses, {@link #FAILURES} failures), and allocation
 * free on lines without failures. Not kept in the state file: after a restart the evidence starts
 * empty.
 */
final class FailureLog {
  static final int ADDRESSES = 16;
  static final int FAILURES = 256;
  private static final int SECONDS = 32; // a power of two above the span in seconds

  private final String[] address = new String[ADDRESSES];
  private final String[] pool = new String[ADDRESSES];
  private final long[] lastSeen = new long[ADDRESSES];
  private final long[][] second = new long[ADDRESSES][SECONDS];
  private final int[][] attempts = new int[ADDRESSES][SECONDS];
  private final int[][] failures = new int[ADDRESSES][SECONDS];
  private int addresses;

  private final long[] failedAt = new long[FAILURES];
  private final String[] failedAddress = new String[FAILURES]; // null: Nginx answered itself
  private final int[] failedStatus = new int[FAILURES];
  private final String[] failedRequest = new String[FAILURES];
  private int nextFailure;
  private int failuresKept;

  /** Counts one request's attempts at {@code now} (epoch millis of its line). */
  void observe(AccessEvent event, long now) {
    List<FailedAttempt> failed = event.failedAttempts();
    for (int k = 0; k < failed.size(); k++) { // indexed: no iterator on the per-line path
      FailedAttempt attempt = failed.get(k);
      if (attempt.address() != null) {
        count(slot(attempt.address(), null, now), now, true);
      }
      remember(now, attempt.address(), attempt.status(), event.requestId());
    }
    if (event.upstreamAddr() != null && !event.clientError()) {
      count(slot(event.upstreamAddr(), event.pool(), now), now, false);
    } else if (event.clientError() && failed.isEmpty()) {
      remember(now, null, event.status(), event.requestId());
    }
  }

  /** Why traffic left {@code failing}: its attempts in the span, or {@code null} if none failed. */
  Evidence forPool(String failing, long now) {
    boolean known = false;
    for (int k = 0; k < addresses; k++) {
      known |= failing.equals(pool[k]);
    }
    // an address never seen answering has no pool yet: when none is known, it is the suspect
    String match = known ? failing : null;
    int tried = 0;
    int failed = 0;
    String worst = null;
    int worstFailed = 0;
    for (int k = 0; k < addresses; k++) {
      if (Objects.equals(match, pool[k])) {
        int f = sum(failures[k], second[k], now);
        tried += sum(attempts[k], second[k], now);
        failed += f;
        if (f > worstFailed) {
          worst = address[k];
          worstFailed = f;
        }
      }
    }
    return failed == 0 ? null : summary(failing, worst, tried, failed, false, match, now);
  }

  /** Why the error rate is up: the statuses of all recent failures and the most failing pool. */
  Evidence forErrors(long now) {
    int worst = -1;
    int worstFailed = 0;
    for (int k = 0; k < addresses; k++) {
      int f = sum(failures[k], second[k], now);
      if (f > worstFailed && pool[k] != null) {
        worst = k;
        worstFailed = f;
      }
    }
    if (worst < 0) {
      return failuresIn(now) == 0 ? null : summary(null, null, 0, 0, true, null, now);
    }
    Evidence pool = forPool(this.pool[worst], now);
    return summary(pool.pool(), pool.address(), pool.attempts(), pool.failed(), true, null, now);
  }

  /** The alert with its evidence: failovers and error-rate spikes say why, from the log. */
  Alert explain(Alert alert, long now) {
    if (alert instanceof PoolAlert pool && pool.kind() == AlertKind.FAILOVER) {
      Evidence why = forPool(pool.from(), now);
      return why == null ? alert : pool.withEvidence(why);
    }
    if (alert instanceof ErrorRateAlert rate && rate.kind() == AlertKind.ERROR_RATE) {
      Evidence why = forErrors(now);
      return why == null ? alert : rate.withEvidence(why);
    }
    return alert;
  }

  /**
   * The statuses and the latest request id of the recent failures: all of them, or those of the
   * addresses of pool {@code match} ({@code null}: addresses of no known pool).
   */
  private Evidence summary(
      String failing, String worst, int tried, int failed, boolean all, String match, long now) {
    List<int[]> counts = new ArrayList<>();
    String requestId = null;
    for (int n = 0; n < failuresKept; n++) {
      int i = Math.floorMod(nextFailure - 1 - n, FAILURES); // newest first
      if (now - failedAt[i] >= Evidence.SPAN_MILLIS || now < failedAt[i]) {
        continue;
      }
      if (!all && !Objects.equals(match, poolOf(failedAddress[i]))) {
        continue;
      }
      requestId = requestId == null ? failedRequest[i] : requestId;
      int[] count = counts.stream().filter(c -> c[0] == failedStatus[i]).findFirst().orElse(null);
      if (count == null) {
        counts.add(new int[] {failedStatus[i], 1});
      } else {
        count[1]++;
      }
    }
    counts.sort((a, b) -> a[1] != b[1] ? b[1] - a[1] : a[0] - b[0]);
    List<Evidence.StatusCount> top =
        counts.stream().limit(Evidence.TOP).map(c -> new Evidence.StatusCount(c[0], c[1])).toList();
    return new Evidence(failing, worst, tried, failed, top, requestId);
  }

  private int failuresIn(long now) {
    int n = 0;
    for (int k = 0; k < failuresKept; k++) {
      n += now - failedAt[k] < Evidence.SPAN_MILLIS && now >= failedAt[k] ? 1 : 0;
    }
    return n;
  }

  private String poolOf(String addr) {
    for (int k = 0; k < addresses; k++) {
      if (address[k].equals(addr)) {
        return pool[k];
      }
    }
    return null;
  }

  /** The slot of {@code addr}, taken over from the least recently seen one when all are used. */
  private int slot(String addr, String knownPool, long now) {
    int k = 0;
    while (k < addresses && address[k] != addr && !address[k].equals(addr)) {
      k++;
    }
    if (k == addresses) {
      k = addresses < ADDRESSES ? addresses++ : leastRecentlySeen();
      address[k] = addr;
      pool[k] = null;
      Arrays.fill(second[k], Long.MIN_VALUE);
    }
    if (knownPool != null) {
      pool[k] = knownPool;
    }
    lastSeen[k] = now;
    return k;
  }

  private int leastRecentlySeen() {
    int oldest = 0;
    for (int k = 1; k < ADDRESSES; k++) {
      oldest = lastSeen[k] < lastSeen[oldest] ? k : oldest;
    }
    return oldest;
  }

  private void count(int k, long now, boolean failed) {
    long sec = Math.floorDiv(now, 1000);
    int i = (int) (sec & (SECONDS - 1));
    if (second[k][i] != sec) {
      second[k][i] = sec;
      attempts[k][i] = 0;
      failures[k][i] = 0;
    }
    attempts[k][i]++;
    failures[k][i] += failed ? 1 : 0;
  }

  /** The counts of the seconds within the span before {@code now}. */
  private static int sum(int[] counts, long[] seconds, long now) {
    long sec = Math.floorDiv(now, 1000);
    int total = 0;
    for (int i = 0; i < SECONDS; i++) {
      long age = sec - seconds[i];
      total += age >= 0 && age < Evidence.SPAN_MILLIS / 1000 ? counts[i] : 0;
    }
    return total;
  }

  private void remember(long now, String addr, int status, String requestId) {
    failedAt[nextFailure] = now;
    failedAddress[nextFailure] = addr;
    failedStatus[nextFailure] = status;
    failedRequest[nextFailure] = requestId;
    nextFailure = (nextFailure + 1) % FAILURES;
    failuresKept = Math.min(failuresKept + 1, FAILURES);
  }
}
