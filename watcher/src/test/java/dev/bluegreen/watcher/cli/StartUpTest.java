package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command starts without setting up what only some need: picocli builds all subcommands, so a
 * static field that reaches a class with a logger or an ObjectMapper (the HTTP server) makes every
 * start-up build logback and Jackson (it once doubled {@code replay}'s, from 0.45 to 0.95 s).
 * Checked by the classes the JVM loads, not by time.
 */
class StartUpTest {
  private static List<String> loadedClasses(String... args)
      throws IOException, InterruptedException {
    return output(Main.class, args).lines().filter(line -> line.contains("[class,load]")).toList();
  }

  private static String output(Class<?> main, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
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

  @ParameterizedTest
  @ValueSource(strings = {"--version", "--help"})
  void theTopLevelCommandStartsNeitherLoggingNorJson(String flag) throws Exception {
    List<String> loaded = loadedClasses(flag);

    assertThat(loaded).as("the check sees class loading").isNotEmpty();
    assertThat(loaded)
        .noneMatch(line -> line.contains(" ch.qos.logback.classic.LoggerContext "))
        .noneMatch(line -> line.contains(" com.fasterxml.jackson.databind.ObjectMapper "));
  }

  @Test
  void replaysHelpLoadsNoJson() throws Exception {
    assertThat(loadedClasses("replay", "--help"))
        .noneMatch(line -> line.contains(" com.fasterxml.jackson.databind.ObjectMapper "));
  }

  @Test
  void loggingIsSetUpInCodeWithoutAnXmlParser() throws Exception {
    String output = output(LogsOneLine.class);

    assertThat(output).contains(" INFO  StartUpTest - one line");
    assertThat(output.lines().filter(line -> line.contains("[class,load]")))
        .as("logback.xml would load Joran and the JDK's XML parser: some 400 classes")
        .noneMatch(line -> line.contains(" ch.qos.logback.core.joran.GenericXMLConfigurator "))
        .noneMatch(line -> line.contains(" com.sun.org.apache.xerces."));
  }

  /** A process that writes one log line the way every watcher command does. */
  static final class LogsOneLine {
    public static void main(String[] args) {
      org.slf4j.LoggerFactory.getLogger(StartUpTest.class).info("one line");
    }
  }
}
