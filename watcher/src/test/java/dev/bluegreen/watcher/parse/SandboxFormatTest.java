package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The watcher's default format is the one nginx/ writes: the two must never drift apart. */
class SandboxFormatTest {

  @Test
  void defaultFormatEqualsTheDirectiveInNginxConfig() throws IOException {
    String directive =
        Files.readAllLines(Path.of("../nginx/access-log-format.conf")).stream()
            .filter(line -> !line.startsWith("#"))
            .collect(Collectors.joining("\n"));

    assertThat(LogFormat.compile(directive).text()).isEqualTo(LogFormat.SANDBOX);
  }
}
