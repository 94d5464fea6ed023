package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesTest {

  /** The plain loop the word-at-a-time search must agree with. */
  private static int naive(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Test
  void findsTheFirstNewlineAtEveryPositionAndAlignment() {
    for (int length = 0; length < 40; length++) {
      for (int at = -1; at < length; at++) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) 'x');
        if (at >= 0) {
          b[at] = '\n';
        }
        for (int from = 0; from <= length; from++) {
          assertThat(Bytes.indexOfNewline(b, from, length))
              .as("length %d, newline at %d, from %d", length, at, from)
              .isEqualTo(naive(b, from, length));
        }
      }
    }
  }

  @Test
  void agreesWithThePlainLoopOnRandomBytesIncludingHighBytesAndNeighboursOfNewline() {
    Random random = new Random(42);
    byte[] alphabet = {'\n', 0x0B, 0x09, 0x00, (byte) 0x8A, (byte) 0xFF, 'a', 0x0A ^ 0x01};
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[random.nextInt(64)];
      for (int i = 0; i < b.length; i++) {
        b[i] =
            random.nextInt(4) == 0
                ? alphabet[random.nextInt(alphabet.length)]
                : (byte) random.nextInt(256);
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
      assertThat(Bytes.indexOfNewline(b, from, b.length)).isEqualTo(naive(b, from, b.length));
    }
  }

  @Test
  void findsAnyByteValueIncludingHighBytes() {
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[random.nextInt(48)];
      random.nextBytes(b);
      byte wanted = (byte) random.nextInt(256);
      int expected = -1;
      for (int i = 0; i < b.length; i++) {
        if (b[i] == wanted) {
          expected = i;
          break;
        }
      }
      assertThat(Bytes.indexOf(b, 0, b.length, wanted)).isEqualTo(expected);
    }
  }
}
