package dev.bluegreen.watcher.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte search eight bytes at a time (SWAR): the inner loops of reading and parsing lines. */
public final class Bytes {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Bytes() {}

  /** The index of the first {@code '\n'} in {@code [from, to)}, or -1. */
  public static int indexOfNewline(byte[] b, int from, int to) {
    return indexOf(b, from, to, (byte) '\n');
  }

  /** The index of the first {@code value} in {@code [from, to)}, or -1. */
  public static int indexOf(byte[] b, int from, int to, byte value) {
    long pattern = (value & 0xFFL) * ONES;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(b, i) ^ pattern; // a matching byte becomes zero
      long zeros = (word - ONES) & ~word & HIGH_BITS; // exact for the lowest zero byte
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
