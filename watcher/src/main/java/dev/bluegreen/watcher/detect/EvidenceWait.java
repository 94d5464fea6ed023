package dev.bluegreen.watcher.detect;

import java.util.function.Consumer;

/**
 * Alerts on their way out, each citing the log's evidence ({@link FailureLog#explain}); a new
 * failover whose first line shows no failure of the pool it left waits for the line that does
 * (reminders and where flapping settled go at once: people already know why, or that it flaps).
 *
 * <p>Nginx logs a request when it ends. The request that found the old pool failing was retried, so
 * it often ends after requests that went straight to the new pool, and the failover (announced on
 * the first line the new pool serves) would go out without saying why. The retried request ends
 * once the new pool has answered it, a few milliseconds later. So the failover waits until the old
 * pool's failure is logged, another alert is decided (the order of alerts stays as decided), {@link
 * #TICK_WAIT_MILLIS} pass in tick time (a live watcher, which reads the log again when they have
 * passed: {@link #dueWithin}) or {@link #WAIT_MILLIS} in log time (a replay, which has no ticks),
 * or {@link #flush()}. A failover whose log never says why is not held up longer than that: it is a
 * change of state. Pure: time is passed in.
 */
final class EvidenceWait {
  /** How long a failover waits for its evidence in log time; log times have whole seconds. */
  static final long WAIT_MILLIS = 2_000;

  /**
   * How long a live watcher's failover waits for its evidence after the first tick (the poll right
   * after the read that found it): the follower reads the log again then, so the retried request's
   * line is cited if Nginx logged it within 10 ms of the failover's, and a failover with no
   * evidence to wait for is held up by no more than that. Against real Nginx and the sandbox's apps
   * under load (error and timeout chaos, 8 to 64 clients, also with the CPUs busy), the retried
   * line came 0 to 2 ms after the first line from green, when it came after it at all.
   */
  static final long TICK_WAIT_MILLIS = 10;

  private final FailureLog failures;
  private final Consumer<Alert> out;
  private PoolAlert held;
  private long heldAt; // log time
  private long firstTick; // the time of the first tick after it, on the ticks' clock

  EvidenceWait(FailureLog failures, Consumer<Alert> out) {
    this.failures = failures;
    this.out = out;
  }

  /** An alert decided at {@code now} (the latest line's log time). */
  void decided(Alert alert, long now) {
    flush();
    Alert explained = failures.explain(alert, now);
    if (explained instanceof PoolAlert pool
        && pool.kind() == AlertKind.FAILOVER
        && !pool.reminder()
        && !pool.afterFlapping()
        && pool.evidence() == null) {
      held = pool;
      heldAt = now;
      firstTick = Long.MIN_VALUE;
    } else {
      out.accept(explained);
    }
  }

  /** After the line at {@code now} was counted in the failure log. */
  void observed(long now) {
    if (held != null) {
      Evidence why = failures.forPool(held.from(), now);
      if (why != null) {
        PoolAlert explained = held.withEvidence(why);
        held = null;
        out.accept(explained);
      } else if (now - heldAt >= WAIT_MILLIS) {
        flush();
      }
    }
  }

  /**
   * Lets the waiting failover go once {@link #TICK_WAIT_MILLIS} passed since the first tick after
   * it. Ticks run on the watcher's clock, which the log's may trail by far (a backlog, an old log),
   * so tick times are compared with tick times only.
   */
  void tick(long now) {
    if (held == null) {
      return;
    }
    // the first tick starts the wait; so does a clock set back, which would otherwise hold it
    // for as long as the clock went back
    firstTick = firstTick == Long.MIN_VALUE || now < firstTick ? now : firstTick;
    if (now - firstTick >= TICK_WAIT_MILLIS) {
      flush();
    }
  }

  /**
   * Milliseconds from {@code now} (tick time) until a {@link #tick} lets the waiting failover go: 0
   * when none has come since it was decided, {@link Long#MAX_VALUE} when none waits.
   */
  long dueWithin(long now) {
    if (held == null) {
      return Long.MAX_VALUE;
    }
    if (firstTick == Long.MIN_VALUE || now < firstTick) {
      return 0;
    }
    return Math.max(0, firstTick + TICK_WAIT_MILLIS - now);
  }

  /** The waiting failover goes out as it is. */
  void flush() {
    if (held != null) {
      PoolAlert alert = held;
      held = null;
      out.accept(alert);
    }
  }

  /** Whether a failover waits for its evidence: a state saved now would leave it out. */
  boolean waiting() {
    return held != null;
  }
}
