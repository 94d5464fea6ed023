package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM on the test class path, with {@code -verbose:class}: the classes
 * a start-up loads are what tests of start-up cost and idle footprint check, never time.
 */
public final class FreshJvm {
  private FreshJvm() {}

  /**
   * The process's output (standard output and error, interleaved as written), one {@code
   * [class,load]} line per class loaded; fails the test if it runs over 60 s.
   */
  public static String run(Class<?> main, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", // every class loaded is listed, none hidden in the shared archive
                "-verbose:class",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return output;
  }
}
