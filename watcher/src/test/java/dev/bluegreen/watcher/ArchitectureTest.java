package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, read from the main sources: the packages form no cycle (a newcomer can
 * change a lower stage without knowing the upper ones), the lower stages do not reach back into the
 * package root, and nothing outside {@code time/Timing} reads the system clock.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final String ROOT = "dev.bluegreen.watcher";

  /** A reference to one of our types: an import, a static import, or a qualified name in code. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(dev\\.bluegreen\\.watcher(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  private static final Pattern SYSTEM_CLOCK =
      Pattern.compile(
          "System\\.currentTimeMillis|System\\.nanoTime|Instant\\.now\\(|Clock\\.system"
              + "|LocalDateTime\\.now\\(|ZonedDateTime\\.now\\(|new Date\\(\\)");

  private static final Map<Path, String> SOURCES = new TreeMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .forEach(file -> SOURCES.put(file, code(file)));
    }
  }

  /** The file's code without its comments: a Javadoc link is no dependency. */
  private static String code(Path file) {
    try {
      return COMMENT.matcher(Files.readString(file)).replaceAll(" ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String packageOf(Path file) {
    return ROOT
        + MAIN.resolve("dev/bluegreen/watcher")
            .relativize(file.getParent())
            .toString()
            .replace('/', '.')
            .transform(sub -> sub.isEmpty() ? "" : "." + sub);
  }

  /** Package -> the packages of ours it uses. */
  private static Map<String, Set<String>> dependencies() {
    Map<String, Set<String>> graph = new TreeMap<>();
    SOURCES.forEach(
        (file, code) -> {
          String from = packageOf(file);
          Set<String> to = graph.computeIfAbsent(from, p -> new TreeSet<>());
          Matcher reference = REFERENCE.matcher(code);
          while (reference.find()) {
            String target = reference.group(1);
            if (!target.equals(from)) {
              to.add(target);
            }
          }
        });
    return graph;
  }

  @Test
  void packagesFormNoCycle() {
    Map<String, Set<String>> graph = dependencies();
    List<String> cycle = findCycle(graph);
    assertThat(cycle).as("a cycle among the packages: " + String.join(" -> ", cycle)).isEmpty();
  }

  @Test
  void sourceAndStateDoNotImportThePackageRoot() {
    Map<String, Set<String>> graph = dependencies();
    for (String lower : List.of(ROOT + ".source", ROOT + ".state")) {
      assertThat(graph.get(lower)).as(lower + " uses").doesNotContain(ROOT);
    }
  }

  @Test
  void onlyTimingReadsTheSystemClock() {
    List<String> readers = new ArrayList<>();
    SOURCES.forEach(
        (file, code) -> {
          if (!file.endsWith(Path.of("time/Timing.java")) && SYSTEM_CLOCK.matcher(code).find()) {
            readers.add(MAIN.relativize(file).toString());
          }
        });
    assertThat(readers).as("files that read the system clock instead of Timing").isEmpty();
  }

  @Test
  void theCheckSeesRealDependencies() {
    // guards the reader itself: a check that sees nothing proves nothing
    Map<String, Set<String>> graph = dependencies();
    assertThat(graph.get(ROOT + ".cli")).contains(ROOT, ROOT + ".notify");
    assertThat(graph.get(ROOT)).contains(ROOT + ".source", ROOT + ".detect");
  }

  /** A cycle as the list of packages along it, first one repeated at the end; empty if none. */
  static List<String> findCycle(Map<String, Set<String>> graph) {
    Map<String, Integer> state = new TreeMap<>(); // 1 on the current path, 2 done
    List<String> path = new ArrayList<>();
    for (String start : graph.keySet()) {
      List<String> cycle = visit(start, graph, state, path);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    return List.of();
  }

  private static List<String> visit(
      String node, Map<String, Set<String>> graph, Map<String, Integer> state, List<String> path) {
    Integer seen = state.get(node);
    if (seen != null && seen == 2) {
      return List.of();
    }
    if (seen != null && seen == 1) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
      cycle.add(node);
      return cycle;
    }
    state.put(node, 1);
    path.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      List<String> cycle = visit(next, graph, state, path);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    state.put(node, 2);
    return List.of();
  }

  @Test
  void findCycleFindsOne() {
    assertThat(
            findCycle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")))))
        .containsExactly("a", "b", "c", "a");
    assertThat(findCycle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of()))))
        .isEmpty();
  }
}
