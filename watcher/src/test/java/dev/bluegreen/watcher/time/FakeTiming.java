package dev.bluegreen.watcher.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when something sleeps or a test advances it: no test waits for real time.
 */
public final class FakeTiming implements Timing {
  public static final Instant START = Instant.parse("2025-01-01T03:00:00Z");

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private final double random;

  public FakeTiming() {
    this(0.5);
  }

  public FakeTiming(double random) {
    this.random = random;
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public long millis() {
    return now().toEpochMilli();
  }

  @Override
  public Instant now() {
    return START.plusNanos(nanos.get());
  }

  @Override
  public void sleep(long nanos) {
    sleeps.add(Duration.ofNanos(nanos));
    this.nanos.addAndGet(nanos);
  }

  @Override
  public double random() {
    return random;
  }

  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  public List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }
}
