package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  void scanLineFindsTheNewlineAndWhetherAByteBeforeItIsNotAscii() {
    Random random = new Random(7);
    for (int round = 0; round < 50_000; round++) {
      byte[] b = new byte[random.nextInt(48)];
      for (int i = 0; i < b.length; i++) {
        int kind = random.nextInt(8);
        b[i] =
            kind == 0 ? (byte) '\n' : kind == 1 ? (byte) (0x80 + random.nextInt(128)) : (byte) 'a';
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
      int newline = naive(b, from, b.length);
      boolean nonAscii = false;
      for (int i = from; i < (newline < 0 ? b.length : newline); i++) {
        nonAscii |= b[i] < 0;
      }

      long scan = Bytes.scanLine(b, from, b.length);

      assertThat((int) scan).as("round %d: newline", round).isEqualTo(newline);
      assertThat((scan & Bytes.NON_ASCII) != 0)
          .as("round %d: non-ASCII", round)
          .isEqualTo(nonAscii);
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

  /** Byte-by-byte equality, what the word-at-a-time compare must agree with. */
  private static boolean naiveEquals(byte[] b, int at, byte[] value) {
    for (int i = 0; i < value.length; i++) {
      if (b[at + i] != value[i]) {
        return false;
      }
    }
    return true;
  }

  @Test
  void packsBytesIntoLittleEndianWordsPaddedWithZeros() {
    byte[] b = {1, 2, 3, 4, 5, 6, 7, 8, 9, (byte) 0xFF};

    assertThat(Bytes.words(b, 0, 0)).isEmpty();
    assertThat(Bytes.words(b, 1, 3)).containsExactly(0x040302L);
    assertThat(Bytes.words(b, 0, 8)).containsExactly(0x0807060504030201L);
    assertThat(Bytes.words(b, 0, 10)).containsExactly(0x0807060504030201L, 0xFF09L);
  }

  @Test
  void equalsAgreesWithTheByteLoopForEveryLengthAndEveryDifferingPosition() {
    byte[] alphabet = {'a', ' ', '=', 0x00, (byte) 0x80, (byte) 0xC3, (byte) 0xFF};
    Random random = new Random(11);
    for (int length = 0; length <= 17; length++) {
      for (int at = 0; at <= 9; at++) {
        // arrays end right after the range, or with room to spare: both read paths
        for (int spare : new int[] {0, 1, 7, 8}) {
          byte[] b = new byte[at + length + spare];
          for (int i = 0; i < b.length; i++) {
            b[i] = alphabet[random.nextInt(alphabet.length)];
          }
          byte[] value = java.util.Arrays.copyOfRange(b, at, at + length);
          long[] words = Bytes.words(value, 0, length);
          assertThat(Bytes.equals(b, at, length, words))
              .as("length %d at %d spare %d", length, at, spare)
              .isTrue();
          for (int differ = 0; differ < length; differ++) {
            for (byte other : alphabet) {
              if (other == value[differ]) {
                continue;
              }
              byte[] changed = value.clone();
              changed[differ] = other;
              assertThat(Bytes.equals(b, at, length, Bytes.words(changed, 0, length)))
                  .as("length %d at %d spare %d, byte %d differs", length, at, spare, differ)
                  .isEqualTo(naiveEquals(b, at, changed))
                  .isFalse();
            }
          }
        }
      }
    }
  }

  @Test
  void equalsIgnoresTheBytesAfterTheRange() {
    byte[] b = "pool=blue release=x".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    long[] blue = Bytes.words("blue".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 4);

    assertThat(Bytes.equals(b, 5, 4, blue)).isTrue();
    assertThat(Bytes.equals(b, 6, 4, blue)).isFalse();
  }

  @Test
  void packIntoAnExistingArrayOverwritesWhatWasThere() {
    long[] words = {-1L, -1L};
    byte[] b = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'};

    Bytes.pack(b, 0, 9, words);

    assertThat(words).containsExactly(Bytes.words(b, 0, 9));
    assertThat(Bytes.equals(b, 0, 9, words)).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" stops at {1}") // \\r stands for a carriage return
  @CsvSource({
    "'abc', 3",
    "'abc\\r', 3",
    "'abc\\r\\r', 4",
    "'ab\\rc', 4",
    "'\\r', 0",
    "'', 0",
  })
  void aCarriageReturnBeforeTheEndOfALineIsDropped(String line, int stop) {
    byte[] b = ("<" + line.replace("\\r", "\r") + "\n").getBytes(StandardCharsets.US_ASCII);
    int end = b.length - 1; // the newline

    assertThat(Bytes.lineStop(b, 1, end)).isEqualTo(1 + stop);
  }
}
