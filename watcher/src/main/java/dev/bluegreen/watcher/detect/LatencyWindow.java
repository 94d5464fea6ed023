package dev.bluegreen.watcher.detect;

/**
 * The request times of the last N timed requests, in milliseconds: a ring, a counting histogram of
 * millisecond buckets for exact percentiles, and running counts of the requests slower than two
 * limits (the threshold and the resolve level), so that judging a request costs O(1) and allocates
 * nothing. Times above {@link #TOP_MILLIS} count as that in percentiles (the limits compare exact
 * times).
 */
final class LatencyWindow {
  /** The slowest time a percentile can name: about 65 s, past any sane proxy timeout. */
  static final int TOP_MILLIS = (1 << 16) - 1;

  private static final int BLOCK_BITS = 8;

  private final int[] ring;
  private final int[] counts = new int[TOP_MILLIS + 1];
  // counts summed per block of 256 ms: a percentile walks at most 256 blocks and 256 buckets
  private final int[] blocks = new int[(TOP_MILLIS >> BLOCK_BITS) + 1];
  private final int slowLimit;
  private final int resolveLimit;
  private int next;
  private int size;
  private int aboveSlow;
  private int aboveResolve;

  /**
   * @param slowLimit {@link #slow()} counts the requests slower than this
   * @param resolveLimit {@link #aboveResolve()} counts the requests slower than this
   */
  LatencyWindow(int capacity, int slowLimit, int resolveLimit) {
    this.ring = new int[capacity];
    this.slowLimit = slowLimit;
    this.resolveLimit = resolveLimit;
  }

  void add(int millis) {
    if (size == ring.length) {
      count(ring[next], -1);
    } else {
      size++;
    }
    ring[next] = millis;
    next = next + 1 == ring.length ? 0 : next + 1;
    count(millis, 1);
  }

  private void count(int millis, int delta) {
    int bucket = Math.min(millis, TOP_MILLIS);
    counts[bucket] += delta;
    blocks[bucket >> BLOCK_BITS] += delta;
    if (millis > slowLimit) {
      aboveSlow += delta;
    }
    if (millis > resolveLimit) {
      aboveResolve += delta;
    }
  }

  int size() {
    return size;
  }

  int capacity() {
    return ring.length;
  }

  /** Requests in the window slower than the slow limit. */
  int slow() {
    return aboveSlow;
  }

  /** Requests in the window slower than the resolve limit. */
  int aboveResolve() {
    return aboveResolve;
  }

  /**
   * The nearest rank of {@code percent} in a window of {@code size}: ceil(percent * size / 100).
   */
  static int rank(int percent, int size) {
    return (int) (((long) percent * size + 99) / 100);
  }

  /** The window's {@code percent}-th percentile (nearest rank); 0 when the window is empty. */
  int percentile(int percent) {
    return size == 0 ? 0 : valueAtRank(Math.max(1, rank(percent, size)));
  }

  /** The {@code rank}-th fastest time (1-based), walked from whichever end is nearer. */
  private int valueAtRank(int rank) {
    if (rank > size / 2) {
      int fromTop = size - rank + 1;
      int block = blocks.length - 1;
      while (blocks[block] < fromTop) {
        fromTop -= blocks[block--];
      }
      int bucket = Math.min(TOP_MILLIS, ((block + 1) << BLOCK_BITS) - 1);
      while (counts[bucket] < fromTop) {
        fromTop -= counts[bucket--];
      }
      return bucket;
    }
    int block = 0;
    while (blocks[block] < rank) {
      rank -= blocks[block++];
    }
    int bucket = block << BLOCK_BITS;
    while (counts[bucket] < rank) {
      rank -= counts[bucket++];
    }
    return bucket;
  }

  /** The times oldest first, for the state file. */
  int[] toArray() {
    int[] out = new int[size];
    int first = size == ring.length ? next : 0;
    for (int k = 0; k < size; k++) {
      out[k] = ring[(first + k) % ring.length];
    }
    return out;
  }
}
