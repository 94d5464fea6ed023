package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * packaging/watcher.classlist, the classes of the class-data archive every launcher makes
 * (packaging/cds-archive.sh): a class it names that was renamed or removed since would be left out
 * of the archive without a word, and loaded from the jar at each start again.
 */
class CdsClassListTest {
  private static final Path CLASSLIST = Path.of("..", "packaging", "watcher.classlist");

  @Test
  void everyClassTheListNamesStillExists() throws IOException {
    List<String> missing =
        namedClasses().stream().filter(name -> !exists(name)).collect(Collectors.toList());

    assertThat(missing).as("classes gone since make classlist; run it again").isEmpty();
  }

  @Test
  void theListHoldsTheClassesAWatcherLoadsToFollowALog() throws IOException {
    assertThat(namedClasses())
        .contains(
            "dev/bluegreen/watcher/cli/Main",
            "dev/bluegreen/watcher/source/LogFollower",
            "picocli/CommandLine");
  }

  /**
   * The classes the list names (the JDK's, ours and the libraries'), without the dynamic proxies
   * the JVM generated while it ran, which the archive leaves out: no file holds them.
   */
  private static List<String> namedClasses() throws IOException {
    return Files.readAllLines(CLASSLIST).stream()
        .filter(row -> !row.startsWith("#") && !row.startsWith("@") && !row.isBlank())
        .map(row -> row.split(" ")[0])
        .filter(name -> !name.substring(name.lastIndexOf('/') + 1).startsWith("$Proxy"))
        .collect(Collectors.toList());
  }

  private static boolean exists(String name) {
    return CdsClassListTest.class.getClassLoader().getResource(name + ".class") != null;
  }
}
