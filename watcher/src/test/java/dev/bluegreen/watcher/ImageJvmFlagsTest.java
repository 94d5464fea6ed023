package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.cli.Main;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JVM flags on watcher/Dockerfile's ENTRYPOINT line, which every launcher copies (the image,
 * the .deb's /usr/bin/watcher, the sandbox's bin/watcher, make bench): a JVM starts with them and
 * prints nothing of its own, and each method a {@code CompileCommand} names still exists (a rename
 * would silently undo what the flag is there for).
 */
class ImageJvmFlagsTest {
  private static final Path DOCKERFILE = Path.of("Dockerfile");
  private static final String COMPILE_COMMAND = "-XX:CompileCommand=";

  @Test
  void everyMethodACompileCommandNamesExists() throws Exception {
    List<String> patterns = new ArrayList<>();
    for (String flag : imageFlags()) {
      if (flag.startsWith(COMPILE_COMMAND) && flag.contains("::")) {
        patterns.add(flag.substring(flag.indexOf(',') + 1));
      }
    }

    assertThat(patterns).isNotEmpty();
    for (String pattern : patterns) {
      String type = pattern.substring(0, pattern.indexOf("::"));
      String name = pattern.substring(pattern.indexOf("::") + 2);
      assertThat(Arrays.stream(Class.forName(type).getDeclaredMethods()).map(Method::getName))
          .as("a method %s of %s, which a CompileCommand on the ENTRYPOINT names", name, type)
          .contains(name);
    }
  }

  @Test
  void aWatcherStartedWithTheImageFlagsPrintsOnlyItsOwnOutput() throws Exception {
    String plain = run(List.of());
    String withFlags = run(imageFlags());

    assertThat(plain).startsWith("watcher ");
    assertThat(withFlags).isEqualTo(plain);
  }

  private static List<String> imageFlags() throws IOException {
    String entrypoint =
        Files.readAllLines(DOCKERFILE).stream()
            .filter(line -> line.startsWith("ENTRYPOINT "))
            .findFirst()
            .orElseThrow();
    JsonNode command = TestJson.MAPPER.readTree(entrypoint.substring("ENTRYPOINT ".length()));
    List<String> words = new ArrayList<>();
    command.forEach(word -> words.add(word.asText()));
    assertThat(words.get(0)).isEqualTo("java");
    return words.subList(1, words.indexOf("-jar"));
  }

  /** {@code watcher --version} on the test class path: standard output and error, interleaved. */
  private static String run(List<String> flags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "--version"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
