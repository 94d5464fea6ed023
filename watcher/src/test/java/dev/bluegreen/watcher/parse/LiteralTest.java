package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiteralTest {
  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void matchesOnlyWhereTheWholeTextIsBeforeTheEndOfTheLine() {
    Literal literal = new Literal(" upstream_status=");
    byte[] line = ascii("x upstream_status=200 upstream_addr=-");

    assertThat(literal.matchesAt(line, 1, line.length)).isTrue();
    assertThat(literal.matchesAt(line, 0, line.length)).isFalse();
    assertThat(literal.matchesAt(line, 1, 17)).as("the line ends inside the text").isFalse();
    assertThat(literal.matchesAt(line, 1, 18)).isTrue();
  }

  @Test
  void matchesAtEveryPositionOfALineForEveryLength() {
    String text = "] \"GET / HTTP/1.1\" status=";
    for (int length = 1; length <= text.length(); length++) {
      Literal literal = new Literal(text.substring(0, length));
      for (int at = 0; at <= 9; at++) {
        byte[] line = ascii("#".repeat(at) + text.substring(0, length));
        assertThat(literal.matchesAt(line, at, line.length))
            .as("length %d at %d", length, at)
            .isTrue();
        line[line.length - 1] ^= 1;
        assertThat(literal.matchesAt(line, at, line.length)).isFalse();
      }
    }
  }

  @Test
  void theEmptyTextMatchesAnywhere() {
    Literal empty = new Literal("");

    assertThat(empty.matchesAt(new byte[0], 0, 0)).isTrue();
    assertThat(empty.length()).isZero();
  }

  @Test
  void nonAsciiTextComparesItsUtf8Bytes() {
    Literal arrow = new Literal(" \u2192 ");
    byte[] line = ascii("a \u2192 b");

    assertThat(arrow.length()).isEqualTo(5);
    assertThat(arrow.matchesAt(line, 1, line.length)).isTrue();
    assertThat(arrow.toString()).isEqualTo(" \u2192 ");
  }
}
