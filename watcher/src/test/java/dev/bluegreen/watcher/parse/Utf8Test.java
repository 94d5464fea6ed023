package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8} must agree with the JDK's strict UTF-8 decoder on every input. */
class Utf8Test {
  private final CharsetDecoder strict =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  private boolean jdkAccepts(byte[] b, int off, int end) {
    try {
      strict.reset().decode(ByteBuffer.wrap(b, off, end - off));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private void assertAgreesWithJdk(byte[] b, int off, int end) {
    boolean ours = Utf8.isValid(b, off, end);
    if (ours != jdkAccepts(b, off, end)) {
      // only build the assertion, and its message, for a disagreement: this runs a million times
      assertThat(ours)
          .as("bytes %d..%d of %s", off, end, HexFormat.of().formatHex(b))
          .isEqualTo(!ours);
    }
  }

  @Test
  void acceptsEveryScalarValueEncoded() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        continue;
      }
      byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      if (!Utf8.isValid(b, 0, b.length)) {
        assertThat(Utf8.isValid(b, 0, b.length)).as("U+%04X", cp).isTrue();
      }
    }
  }

  @Test
  void agreesWithTheJdkOnEveryTwoBytePair() {
    byte[] b = new byte[2];
    for (int first = 0; first < 256; first++) {
      for (int second = 0; second < 256; second++) {
        b[0] = (byte) first;
        b[1] = (byte) second;
        assertAgreesWithJdk(b, 0, 2);
      }
    }
  }

  @Test
  void agreesWithTheJdkOnEveryThreeByteFormAroundTheEdges() {
    byte[] b = new byte[3];
    for (int lead : new int[] {0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF}) {
      for (int second = 0; second < 256; second++) {
        for (int third = 0; third < 256; third++) {
          b[0] = (byte) lead;
          b[1] = (byte) second;
          b[2] = (byte) third;
          assertAgreesWithJdk(b, 0, 3);
        }
      }
    }
  }

  @Test
  void agreesWithTheJdkOnEveryFourByteLeadAndSecondByte() {
    byte[] b = new byte[4];
    for (int lead = 0xF0; lead <= 0xFF; lead++) {
      for (int second = 0; second < 256; second++) {
        for (int tail : new int[] {0x80, 0xBF, 0x41, 0xC0}) {
          b[0] = (byte) lead;
          b[1] = (byte) second;
          b[2] = (byte) tail;
          b[3] = (byte) 0x80;
          assertAgreesWithJdk(b, 0, 4);
        }
      }
    }
  }

  @Test
  void agreesWithTheJdkOnRandomMixturesAtEveryAlignment() {
    Random random = new Random(99L);
    byte[][] pieces = {
      "a".getBytes(StandardCharsets.UTF_8),
      "GET /".getBytes(StandardCharsets.UTF_8),
      "\u00e9".getBytes(StandardCharsets.UTF_8),
      "\u20ac".getBytes(StandardCharsets.UTF_8),
      "\uD83D\uDE80".getBytes(StandardCharsets.UTF_8),
      {(byte) 0x80},
      {(byte) 0xC3},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xFF},
    };
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[64];
      int length = 0;
      int count = random.nextInt(20);
      for (int k = 0; k < count; k++) {
        byte[] piece = pieces[random.nextInt(pieces.length)];
        if (length + piece.length > b.length) {
          break;
        }
        System.arraycopy(piece, 0, b, length, piece.length);
        length += piece.length;
      }
      int off = random.nextInt(length + 1);
      int end = off + random.nextInt(length - off + 1);
      assertAgreesWithJdk(b, off, end);
    }
  }

  @Test
  void agreesWithTheJdkOnRandomBytes() {
    Random random = new Random(5L);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[random.nextInt(24)];
      random.nextBytes(b);
      assertAgreesWithJdk(b, 0, b.length);
    }
  }

  @Test
  void ignoresInvalidBytesOutsideTheRange() {
    byte[] b = {(byte) 0xFF, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', (byte) 0xFF};

    assertThat(Utf8.isValid(b, 1, b.length - 1)).isTrue();
  }

  @Test
  void findsAnInvalidByteAfterALongAsciiRun() {
    byte[] b = ("x".repeat(1_000) + "\u00e9").getBytes(StandardCharsets.UTF_8);
    b[b.length - 1] = 'x';

    assertThat(Utf8.isValid(b, 0, b.length)).isFalse();
  }
}
