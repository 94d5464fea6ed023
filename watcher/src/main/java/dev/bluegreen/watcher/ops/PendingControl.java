package dev.bluegreen.watcher.ops;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A control asked of the reading thread: either that thread starts it (once) and finishes it, or
 * the asker withdraws it before it started, never both; so a control reported as not applied is
 * never applied later.
 *
 * @param <T> what the control answers once applied
 */
public final class PendingControl<T> {
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final CompletableFuture<T> result = new CompletableFuture<>();

  /** What became of a control after waiting for it. */
  public enum Fate {
    /** Applied; {@link Outcome#value()} is its answer. */
    APPLIED,
    /** Never started, and now never will: nothing changed. */
    WITHDRAWN,
    /** Started but not finished in time: it will finish. */
    STILL_APPLYING,
    /** Started and failed; {@link Outcome#error()} says why. */
    FAILED
  }

  /** A fate with the answer or the error that goes with it. */
  public record Outcome<T>(Fate fate, T value, Throwable error) {}

  /** The reading thread: claims the control; false when it was withdrawn, and must be skipped. */
  public boolean start() {
    return started.complete(null);
  }

  /** The reading thread: the control's answer. */
  public void complete(T value) {
    result.complete(value);
  }

  /** The reading thread: the control failed. */
  public void fail(Throwable error) {
    result.completeExceptionally(error);
  }

  /**
   * Waits up to {@code timeout} for the reading thread to start the control, withdrawing it if it
   * did not; once started, waits up to {@code timeout} more for it to finish.
   */
  public Outcome<T> await(Duration timeout) throws InterruptedException {
    try {
      started.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException e) {
      if (started.cancel(false)) {
        if (e instanceof InterruptedException) {
          throw (InterruptedException) e;
        }
        return new Outcome<>(Fate.WITHDRAWN, null, null);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a control's start cannot fail", e);
    }
    try {
      return new Outcome<>(Fate.APPLIED, result.get(timeout.toNanos(), TimeUnit.NANOSECONDS), null);
    } catch (TimeoutException e) {
      return new Outcome<>(Fate.STILL_APPLYING, null, null);
    } catch (ExecutionException e) {
      return new Outcome<>(Fate.FAILED, null, e.getCause());
    }
  }
}
