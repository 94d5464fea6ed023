package dev.bluegreen.watcher.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte search and comparison eight bytes at a time (SWAR): the inner loops of reading and parsing
 * lines.
 */
public final class Bytes {
  /** Eight bytes of an array as one little-endian long; {@link Utf8} reads them through it too. */
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /*
   * A second kind of VarHandle, made before any code that reads through LONGS is compiled. While
   * LONGS' kind is the only one loaded, C2 compiles its reads on that assumption, and throws the
   * code away when another kind is loaded: the JDK loads several the first time any thread waits
   * on a Condition (ForkJoinPool's), in a replay when a parsing helper first waits for work, just
   * after C2 compiled the parser: six compiled methods, these loops among them, were thrown away
   * and compiled again (bench/HISTORY.md, session 14).
   */
  @SuppressWarnings("unused")
  private static final VarHandle SECOND_KIND = MethodHandles.arrayElementVarHandle(long[].class);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long NEWLINES = '\n' * ONES;

  private Bytes() {}

  /** The index of the first {@code '\n'} in {@code [from, to)}, or -1. */
  public static int indexOfNewline(byte[] b, int from, int to) {
    return indexOf(b, from, to, (byte) '\n');
  }

  /** In what {@link #scanLine} returns: a byte before the newline is not ASCII. */
  public static final long NON_ASCII = 1L << 32;

  /**
   * The index of the first {@code '\n'} in {@code [from, to)} (-1 if none) in the low 32 bits, and
   * {@link #NON_ASCII} set if a byte before it (before {@code to} if none) is above 127: one pass
   * that finds where a line ends and whether it can skip UTF-8 validation.
   */
  public static long scanLine(byte[] b, int from, int to) {
    long high = 0;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(b, i);
      long x = word ^ NEWLINES; // a newline becomes zero
      long zeros = (x - ONES) & ~x & HIGH_BITS; // exact for the lowest zero byte
      if (zeros != 0) {
        int k = lowestByte(zeros); // the newline's byte in the word
        long before = k == 0 ? 0 : -1L >>> (Long.SIZE - k * Byte.SIZE);
        return line(i + k, high | (word & before));
      }
      high |= word;
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return line(i, high);
      }
      high |= b[i]; // a byte above 127 is negative: its sign extends into the high bits
    }
    return line(-1, high);
  }

  /**
   * Which byte of the word holds the lowest bit of {@code highBits} (only bit 7 of any byte set):
   * the lowest bit alone, moved to bit 0 of its byte, times a constant whose byte 7-k is k puts k
   * in the top byte. Not {@link Long#numberOfTrailingZeros}: C1, the image's only compiler, has no
   * intrinsic for it and runs its Java code, two calls and a dozen branches (7 % of the parsing
   * samples of a live load).
   */
  static int lowestByte(long highBits) {
    return (int) ((((highBits & -highBits) >>> 7) * 0x0001020304050607L) >>> 56);
  }

  private static long line(int newline, long high) {
    return (newline & 0xFFFFFFFFL) | ((high & HIGH_BITS) != 0 ? NON_ASCII : 0);
  }

  /**
   * Where the line that starts at {@code start} and ends at {@code end} (its {@code \n}, or the end
   * of the input) stops once a {@code \r} before that end is dropped: the one rule every reader of
   * lines applies.
   */
  public static int lineStop(byte[] b, int start, int end) {
    return end > start && b[end - 1] == '\r' ? end - 1 : end;
  }

  /** The index of the last {@code '\n'} in {@code [from, to)}, or -1. */
  public static int lastIndexOfNewline(byte[] b, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first {@code value} in {@code [from, to)}, or -1. */
  public static int indexOf(byte[] b, int from, int to, byte value) {
    long pattern = (value & 0xFFL) * ONES;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(b, i) ^ pattern; // a matching byte becomes zero
      long zeros = (word - ONES) & ~word & HIGH_BITS; // exact for the lowest zero byte
      if (zeros != 0) {
        return i + lowestByte(zeros);
      }
    }
    for (; i < to; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Packs {@code length} bytes of {@code b} from {@code from} into little-endian words, the last
   * one padded with zeros: the form {@link #equals(byte[], int, int, long[])} compares with.
   */
  static long[] words(byte[] b, int from, int length) {
    long[] words = new long[(length + Long.BYTES - 1) / Long.BYTES];
    pack(b, from, length, words);
    return words;
  }

  /**
   * {@link #words} into an existing array of the right size, for a cache that must not allocate.
   */
  static void pack(byte[] b, int from, int length, long[] words) {
    for (int k = 0; k < words.length; k++) {
      long word = 0;
      for (int j = 0; j < Long.BYTES && k * Long.BYTES + j < length; j++) {
        word |= (b[from + k * Long.BYTES + j] & 0xFFL) << (j * Byte.SIZE);
      }
      words[k] = word;
    }
  }

  /**
   * Whether {@code length} bytes of {@code b} from {@code at} equal the bytes {@link #words}
   * packed. Reads whole words, masking off the bytes after the range, so short values cost one or
   * two compares; near the end of the array it falls back to bytes.
   */
  static boolean equals(byte[] b, int at, int length, long[] words) {
    if (length == 0) {
      return true;
    }
    if (at + words.length * Long.BYTES > b.length) {
      return equalsBytewise(b, at, length, words);
    }
    long mask = -1L >>> ((-length & (Long.BYTES - 1)) * Byte.SIZE); // keeps the range's bytes
    long first = (long) LONGS.get(b, at);
    if (length <= Long.BYTES) {
      return (first & mask) == words[0];
    }
    if (first != words[0]) {
      return false;
    }
    // literals and pool names are mostly one or two words: the loop is for longer ones
    int last = words.length - 1;
    for (int k = 1; k < last; k++) {
      if ((long) LONGS.get(b, at + k * Long.BYTES) != words[k]) {
        return false;
      }
    }
    return ((long) LONGS.get(b, at + last * Long.BYTES) & mask) == words[last];
  }

  private static boolean equalsBytewise(byte[] b, int at, int length, long[] words) {
    for (int i = 0; i < length; i++) {
      if (b[at + i] != (byte) (words[i / Long.BYTES] >>> (i % Long.BYTES * Byte.SIZE))) {
        return false;
      }
    }
    return true;
  }
}
