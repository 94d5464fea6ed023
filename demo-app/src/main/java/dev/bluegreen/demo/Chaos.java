package dev.bluegreen.demo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The app's failure switch: off, every request answers 500, or every request hangs. */
final class Chaos {
  /** What the app does to ordinary requests. */
  enum Mode {
    OFF,
    ERROR,
    TIMEOUT
  }

  private Mode mode = Mode.OFF;
  // Hung requests wait on this latch; stopping chaos releases them all at once.
  private CountDownLatch release = new CountDownLatch(0);
  private final AtomicInteger hanging = new AtomicInteger();

  synchronized Mode mode() {
    return mode;
  }

  synchronized void start(Mode newMode) {
    if (newMode == Mode.OFF) {
      stop();
      return;
    }
    if (mode == Mode.OFF) {
      release = new CountDownLatch(1);
    }
    mode = newMode;
  }

  synchronized void stop() {
    mode = Mode.OFF;
    release.countDown();
  }

  /** Blocks a request in timeout mode until chaos stops or {@code maxMillis} pass. */
  void hang(long maxMillis) throws InterruptedException {
    CountDownLatch latch;
    synchronized (this) {
      latch = release;
    }
    hanging.incrementAndGet();
    try {
      latch.await(maxMillis, TimeUnit.MILLISECONDS);
    } finally {
      hanging.decrementAndGet();
    }
  }

  /** Requests hanging right now (tests wait on it instead of sleeping). */
  int hanging() {
    return hanging.get();
  }
}
