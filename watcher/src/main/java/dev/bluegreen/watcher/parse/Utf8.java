package dev.bluegreen.watcher.parse;

import java.lang.invoke.VarHandle;

/** Checks that bytes are well-formed UTF-8, eight ASCII bytes at a time on the common path. */
final class Utf8 {
  private static final VarHandle LONGS = Bytes.LONGS;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8() {}

  static boolean isValid(byte[] b, int off, int end) {
    int i = off;
    while (i + 8 <= end) {
      if (((long) LONGS.get(b, i) & HIGH_BITS) != 0) {
        return isValidSlow(b, i, end);
      }
      i += 8;
    }
    while (i < end) {
      if (b[i] < 0) {
        return isValidSlow(b, i, end);
      }
      i++;
    }
    return true;
  }

  /** Strict decoding rules of RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF. */
  private static boolean isValidSlow(byte[] b, int i, int end) {
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int extra;
      int min;
      int cp;
      if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
        min = 0x80;
        cp = c & 0x1F;
      } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
        min = 0x800;
        cp = c & 0x0F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
        min = 0x10000;
        cp = c & 0x07;
      } else {
        return false;
      }
      if (i + extra >= end) {
        return false;
      }
      for (int k = 1; k <= extra; k++) {
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      i += extra + 1;
    }
    return true;
  }
}
