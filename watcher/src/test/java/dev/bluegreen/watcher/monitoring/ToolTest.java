package dev.bluegreen.watcher.monitoring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A missing monitoring binary fails the test that needs it, saying how to install it. */
class ToolTest {
  @Test
  void aMissingToolFailsWithItsInstallCommandInsteadOfSkipping() {
    assertThatThrownBy(
            () -> Tool.require("sudo apt-get install -y prometheus", "promtool-that-is-not-there"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "promtool-that-is-not-there is not installed (this test never skips); install it with:"
                + " sudo apt-get install -y prometheus");
  }
}
