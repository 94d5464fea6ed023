package dev.bluegreen.watcher.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the few distinct values a log repeats millions of times (pool names, releases, upstream
 * addresses) into shared Strings without allocating on a hit. A small direct-mapped cache: a miss
 * only costs one String.
 */
final class Interner {
  private static final int SLOTS = 256;
  private final byte[][] keys = new byte[SLOTS][];
  private final String[] values = new String[SLOTS];

  String intern(byte[] b, int s, int e) {
    int hash = 1;
    for (int i = s; i < e; i++) {
      hash = 31 * hash + b[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    byte[] key = keys[slot];
    if (key != null && Arrays.equals(key, 0, key.length, b, s, e)) {
      return values[slot];
    }
    String value = new String(b, s, e - s, StandardCharsets.UTF_8);
    keys[slot] = Arrays.copyOfRange(b, s, e);
    values[slot] = value;
    return value;
  }
}
