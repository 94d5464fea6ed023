package dev.bluegreen.watcher.parse;

import java.nio.charset.StandardCharsets;

/**
 * Turns the few distinct values a log repeats millions of times (pool names, releases, upstream
 * addresses) into shared Strings without allocating on a hit. A small direct-mapped cache: a miss
 * only costs one String.
 */
final class Interner {
  private static final int SLOTS = 256;
  private final long[][] keys = new long[SLOTS][]; // Bytes.words of each value
  private final int[] lengths = new int[SLOTS];
  private final String[] values = new String[SLOTS];

  String intern(byte[] b, int s, int e) {
    // a cheap hash of length and three bytes: a collision only costs a miss, equality decides
    int length = e - s;
    int hash = length == 0 ? 0 : ((length * 31 + b[s]) * 31 + b[e - 1]) * 31 + b[s + length / 2];
    int slot = (hash ^ (hash >>> 7)) & (SLOTS - 1);
    long[] key = keys[slot];
    if (key != null && lengths[slot] == length && Bytes.equals(b, s, length, key)) {
      return values[slot];
    }
    String value = new String(b, s, length, StandardCharsets.UTF_8);
    keys[slot] = Bytes.words(b, s, length);
    lengths[slot] = length;
    values[slot] = value;
    return value;
  }
}
