package dev.bluegreen.watcher;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a component to reach a state, checking often, and fails with what was awaited when it
 * does not within the limit. The one way tests wait: never a bare sleep.
 */
public final class Await {
  /**
   * Generous for a loaded 2-core CI machine starting JVMs; a passing wait returns as soon as it
   * can, so the limit costs only a failing test its time.
   */
  public static final Duration LIMIT = Duration.ofSeconds(60);

  private static final long CHECK_EVERY_MILLIS = 5;

  private Await() {}

  /** Waits until {@code condition} holds, up to {@link #LIMIT}. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, condition, () -> "");
  }

  /**
   * Waits until {@code condition} holds, up to {@link #LIMIT}; {@code state} describes what was
   * seen instead, for the failure message.
   */
  public static void until(String what, BooleanSupplier condition, Supplier<String> state) {
    until(what, LIMIT, condition, state);
  }

  /**
   * Waits until {@code condition} holds, up to {@code limit}, for a state that must come sooner
   * than {@link #LIMIT}; {@code state} describes what was seen instead, for the failure message.
   */
  public static void until(
      String what, Duration limit, BooleanSupplier condition, Supplier<String> state) {
    until(what, limit, Duration.ofMillis(CHECK_EVERY_MILLIS), condition, state);
  }

  /**
   * Waits as {@link #until(String, Duration, BooleanSupplier, Supplier)} does, checking every
   * {@code every}: for a condition that costs something to check (files read, a browser asked).
   */
  public static void until(
      String what,
      Duration limit,
      Duration every,
      BooleanSupplier condition,
      Supplier<String> state) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        String seen = state.get();
        throw new AssertionError(
            "timed out after "
                + limit.toSeconds()
                + " s waiting for "
                + what
                + (seen.isEmpty() ? "" : " (" + seen + ")"));
      }
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
