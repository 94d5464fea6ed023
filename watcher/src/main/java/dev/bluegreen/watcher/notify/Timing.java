package dev.bluegreen.watcher.notify;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The clock, the sleeper and the dice of delivery, passed in so tests check backoff and pacing
 * without waiting: {@link #SYSTEM} in production, a fake that advances on {@link #sleep} in tests.
 */
public interface Timing {
  Timing SYSTEM =
      new Timing() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public Instant now() {
          return Instant.now();
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

  /** A monotonic clock for pacing and deadlines. */
  long nanoTime();

  /** Wall-clock time, for Alertmanager's refreshes. */
  Instant now();

  /** Waits {@code nanos}; an interrupt ends the wait early. */
  void sleep(long nanos) throws InterruptedException;

  /** A number in [0, 1) for jitter. */
  double random();
}
