package dev.bluegreen.watcher.time;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The watcher's one clock, with its sleeper and dice: every component that needs the time, a wait
 * or a random jitter gets it from the {@code Timing} the {@code Watcher} was built with. {@link
 * #SYSTEM} in production; tests pass a fake that moves only when asked (or when something sleeps),
 * so pacing, backoff, settling and checkpoints are checked without waiting. Nothing outside this
 * file reads the system clock.
 */
public interface Timing {
  Timing SYSTEM =
      new Timing() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public long millis() {
          return System.currentTimeMillis();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
          if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        }

        @Override
        public double random() {
          return ThreadLocalRandom.current().nextDouble();
        }
      };

  /** A monotonic clock for pacing, deadlines and durations; only differences mean anything. */
  long nanoTime();

  /** Wall-clock time, epoch millis: for lines without a timestamp, controls and health. */
  long millis();

  /** Wall-clock time as an instant. */
  default Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  /** Waits {@code nanos}; an interrupt ends the wait early. */
  void sleep(long nanos) throws InterruptedException;

  /** A number in [0, 1) for jitter. */
  double random();
}
