package dev.bluegreen.watcher.detect;

/**
 * The request times of the last N timed requests, in milliseconds, and where each was logged: a
 * ring, a counting histogram of millisecond buckets for exact percentiles, and running counts of
 * the requests slower than two limits (the threshold and the resolve level), so that judging a
 * request costs O(1) and allocates nothing. Times above {@link #TOP_MILLIS} count as that in
 * percentiles (the limits compare exact times). The slowest request is looked for only when asked
 * (an alert), by one pass over the ring: cheaper than keeping it up to date on every line.
 */
final class LatencyWindow {
  /** The slowest time a percentile can name: about 65 s, past any sane proxy timeout. */
  static final int TOP_MILLIS = (1 << 16) - 1;

  private static final int BLOCK_BITS = 8;

  private final int[] ring;
  // where each request of the ring was logged; a null file: unknown (restored from the state file)
  private final String[] files;
  private final long[] lines;
  private final String[] requestIds;
  private final int[] counts = new int[TOP_MILLIS + 1];
  // counts summed per block of 256 ms: a percentile walks at most 256 blocks and 256 buckets
  private final int[] blocks = new int[(TOP_MILLIS >> BLOCK_BITS) + 1];
  private final int slowLimit;
  private final int resolveLimit;
  private int next;
  private int size;
  private int allowedAboveP99;
  private int aboveSlow;
  private int aboveResolve;

  /**
   * @param slowLimit {@link #slow()} counts the requests slower than this
   * @param resolveLimit {@link #aboveResolve()} counts the requests slower than this
   */
  LatencyWindow(int capacity, int slowLimit, int resolveLimit) {
    this.ring = new int[capacity];
    this.files = new String[capacity];
    this.lines = new long[capacity];
    this.requestIds = new String[capacity];
    this.slowLimit = slowLimit;
    this.resolveLimit = resolveLimit;
  }

  /**
   * The next request of the window.
   *
   * @param file its log file, or {@code null} when unknown
   * @param requestId its {@code $request_id}, or {@code null} when not logged
   */
  void add(int millis, String file, long line, String requestId) {
    if (size == ring.length) {
      count(ring[next], -1);
    } else {
      size++;
      allowedAboveP99 = size - rank(99, size); // a division, paid only while the window fills
    }
    ring[next] = millis;
    files[next] = file;
    lines[next] = line;
    requestIds[next] = requestId;
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

  /**
   * How many requests may be slower than a limit while p99 stays at or below it: those above the
   * nearest rank of 99 %, floor(1 % of the window).
   */
  int allowedAboveP99() {
    return allowedAboveP99;
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

  /**
   * Where the slowest request is in the ring, the newest of equals; -1 when the window is empty.
   * One pass over the window: for alerts and status, not for every line.
   */
  int slowest() {
    int slowest = -1;
    int first = size == ring.length ? next : 0;
    for (int k = 0; k < size; k++) {
      int at = first + k < ring.length ? first + k : first + k - ring.length;
      if (slowest < 0 || ring[at] >= ring[slowest]) {
        slowest = at;
      }
    }
    return slowest;
  }

  /** The time of the request at {@code at} of the ring; 0 for -1 (none). */
  int millisAt(int at) {
    return at < 0 ? 0 : ring[at];
  }

  /** Where the request at {@code at} was logged, or {@code null} when unknown. */
  LineRef whereAt(int at) {
    return at < 0 || files[at] == null ? null : new LineRef(files[at], lines[at]);
  }

  /** The {@code $request_id} of the request at {@code at}, or {@code null}. */
  String requestIdAt(int at) {
    return at < 0 ? null : requestIds[at];
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
