package dev.bluegreen.watcher.page;

import java.util.ArrayList;
import java.util.List;

/**
 * The error rate and p99 latency of the last minutes, for the status page's sparklines: one sample
 * per {@link #every} at most, the newest {@code capacity} kept (180 of 5 s: 15 minutes). Pure: the
 * caller passes the time; the reading thread owns it.
 */
public final class History {
  /** One sample per 5 s. */
  public static final long EVERY_MILLIS = 5_000;

  /** 15 minutes of samples. */
  public static final int CAPACITY = 180;

  /**
   * One sample.
   *
   * @param atMillis epoch millis it was taken
   * @param errorRatio the window's error rate (0..1)
   * @param p99Seconds the window's p99 request time, NaN while too few requests were timed
   */
  public record Point(long atMillis, double errorRatio, double p99Seconds) {}

  private final long everyMillis;
  private final Point[] ring;
  private int next;
  private int size;
  private long lastAt = Long.MIN_VALUE;

  public History() {
    this(EVERY_MILLIS, CAPACITY);
  }

  public History(long everyMillis, int capacity) {
    this.everyMillis = everyMillis;
    this.ring = new Point[capacity];
  }

  /**
   * Takes a sample at {@code nowMillis} if the last one is {@link #EVERY_MILLIS} old (or the clock
   * went back); returns whether it did.
   */
  public boolean sample(long nowMillis, double errorRatio, double p99Seconds) {
    if (lastAt != Long.MIN_VALUE && nowMillis - lastAt < everyMillis && nowMillis >= lastAt) {
      return false;
    }
    lastAt = nowMillis;
    ring[next] = new Point(nowMillis, errorRatio, p99Seconds);
    next = next + 1 == ring.length ? 0 : next + 1;
    size = Math.min(size + 1, ring.length);
    return true;
  }

  /** The samples, oldest first. */
  public List<Point> points() {
    List<Point> points = new ArrayList<>(size);
    int first = size == ring.length ? next : 0;
    for (int k = 0; k < size; k++) {
      points.add(ring[(first + k) % ring.length]);
    }
    return points;
  }
}
