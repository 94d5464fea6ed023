package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InternerTest {
  private final Interner interner = new Interner();

  private String intern(String framedText) {
    byte[] b = ("[" + framedText + "]").getBytes(StandardCharsets.UTF_8);
    return interner.intern(b, 1, b.length - 1);
  }

  @Test
  void returnsTheSameInstanceForTheSameBytes() {
    String first = intern("green");
    String second = intern("green");

    assertThat(second).isEqualTo("green").isSameAs(first);
  }

  @Test
  void decodesUtf8() {
    assertThat(intern("gr\u00fcn-\uD83D\uDE80")).isEqualTo("gr\u00fcn-\uD83D\uDE80");
  }

  @Test
  void internsTheEmptyValue() {
    assertThat(intern("")).isEmpty();
  }

  @Test
  void returnsTheRightValueWhenManyValuesShareSlots() {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 1_000; i++) {
        assertThat(intern("10.0.0." + i + ":3000")).isEqualTo("10.0.0." + i + ":3000");
      }
    }
  }
}
