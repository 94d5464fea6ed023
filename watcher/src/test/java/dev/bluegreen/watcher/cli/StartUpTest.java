package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.FreshJvm;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command starts without setting up what only some need: picocli builds all subcommands, so a
 * static field that reaches a class with a logger or JSON (the HTTP server, json/Json) makes every
 * start-up build logback and Jackson (it once doubled {@code replay}'s, from 0.45 to 0.95 s).
 * Checked by the classes the JVM loads, not by time.
 */
class StartUpTest {
  private static List<String> loadedClasses(String... args)
      throws IOException, InterruptedException {
    return FreshJvm.run(Main.class, args)
        .lines()
        .filter(line -> line.contains("[class,load]"))
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "--help"})
  void theTopLevelCommandStartsNeitherLoggingNorJson(String flag) throws Exception {
    List<String> loaded = loadedClasses(flag);

    assertThat(loaded).as("the check sees class loading").isNotEmpty();
    assertThat(loaded)
        .noneMatch(line -> line.contains(" ch.qos.logback.classic.LoggerContext "))
        .noneMatch(line -> line.contains(" com.fasterxml.jackson."));
  }

  @Test
  void replaysHelpLoadsNoJson() throws Exception {
    assertThat(loadedClasses("replay", "--help"))
        .noneMatch(line -> line.contains(" com.fasterxml.jackson."));
  }

  @Test
  void loggingIsSetUpInCodeWithoutAnXmlParser() throws Exception {
    String output = FreshJvm.run(LogsOneLine.class);

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
