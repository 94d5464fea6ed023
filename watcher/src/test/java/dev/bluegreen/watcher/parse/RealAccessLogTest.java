package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every line of a real Nginx access log (fixtures/README.md) where the {@code combined} format and
 * the key:value {@code blue_green} format are interleaved. The expected numbers were counted with
 * grep: {@code grep -c 'pool:'} and friends.
 */
class RealAccessLogTest {
  private static final String FIXTURE = "/fixtures/real-keycolon-access.log";

  private static final List<Line> lines = new ArrayList<>();

  /** One line as an offset and length into the file's bytes, as the real reader sees it. */
  private record Line(byte[] file, int off, int len) {}

  @BeforeAll
  static void readTheFileAsBytesAndSplitOnNewlines() {
    byte[] file = readFixture();
    int start = 0;
    for (int i = 0; i < file.length; i++) {
      if (file[i] == '\n') {
        lines.add(new Line(file, start, i - start));
        start = i + 1;
      }
    }
    if (start < file.length) {
      lines.add(new Line(file, start, file.length - start));
    }
  }

  private static byte[] readFixture() {
    URL resource = RealAccessLogTest.class.getResource(FIXTURE);
    assertThat(resource).as("test resource %s", FIXTURE).isNotNull();
    try {
      return Files.readAllBytes(Path.of(resource.toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Parsed> parseAll(String format) {
    LineParser parser = new LineParser(LogFormat.compile(format));
    List<Parsed> parsed = new ArrayList<>(lines.size());
    for (Line line : lines) {
      parsed.add(parser.parse(line.file(), line.off(), line.len()));
    }
    return parsed;
  }

  private static List<AccessEvent> events(List<Parsed> parsed) {
    return parsed.stream()
        .filter(AccessEvent.class::isInstance)
        .map(AccessEvent.class::cast)
        .toList();
  }

  @Test
  void hasTheExpectedNumberOfLines() {
    assertThat(lines).hasSize(5_960);
  }

  @Test
  void readsEveryKeyColonLineAsAnEventAndEveryCombinedLineAsMalformed() {
    List<Parsed> parsed = parseAll(Lines.BLUE_GREEN_DIRECTIVE);

    assertThat(events(parsed)).hasSize(716);
    assertThat(parsed.stream().filter(Malformed.class::isInstance)).hasSize(5_244);
  }

  @Test
  void rejectsTheCombinedLinesForTheirMissingPoolField() {
    List<Parsed> parsed = parseAll(Lines.BLUE_GREEN_DIRECTIVE);

    assertThat(parsed.stream().filter(Malformed.class::isInstance).distinct())
        .containsExactly(new Malformed("expected ' pool:' after $body_bytes_sent"));
  }

  @Test
  void parsesExactlyTheLinesThatContainPool() {
    List<Parsed> parsed = parseAll(Lines.BLUE_GREEN_DIRECTIVE);

    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      String text = new String(line.file(), line.off(), line.len(), StandardCharsets.UTF_8);
      assertThat(parsed.get(i) instanceof AccessEvent)
          .as("line %d: %s", i + 1, text)
          .isEqualTo(text.contains("pool:"));
    }
  }

  @Test
  void countsEventsPerPool() {
    Map<String, Integer> perPool = new HashMap<>();
    for (AccessEvent event : events(parseAll(Lines.BLUE_GREEN_DIRECTIVE))) {
      perPool.merge(String.valueOf(event.pool()), 1, Integer::sum);
    }

    assertThat(perPool)
        .containsOnly(Map.entry("blue", 511), Map.entry("green", 55), Map.entry("null", 150));
  }

  @Test
  void findsTheSevenRequestsNginxRetriedOnTheBackup() {
    List<AccessEvent> hidden =
        events(parseAll(Lines.BLUE_GREEN_DIRECTIVE)).stream()
            .filter(AccessEvent::hiddenError)
            .toList();

    assertThat(hidden).hasSize(7);
    assertThat(hidden)
        .allSatisfy(
            event -> {
              assertThat(event.upstreamAttempts()).isEqualTo(2);
              assertThat(event.upstream5xx()).isEqualTo(1);
              assertThat(event.pool()).isEqualTo("green");
            });
    assertThat(hidden.stream().filter(event -> event.status() == 200)).hasSize(4);
    assertThat(hidden.stream().filter(event -> event.status() == 404)).hasSize(3);
  }

  @Test
  void readsTheRequestsNginxAnsweredItselfAsClientErrorsWithoutPool() {
    List<AccessEvent> withoutPool =
        events(parseAll(Lines.BLUE_GREEN_DIRECTIVE)).stream()
            .filter(event -> event.pool() == null)
            .toList();

    assertThat(withoutPool).hasSize(150);
    assertThat(withoutPool)
        .allSatisfy(
            event -> {
              assertThat(event.status()).isEqualTo(500);
              assertThat(event.clientError()).isTrue();
              assertThat(event.upstreamAttempts()).isZero();
              assertThat(event.upstreamAddr()).isNull();
              assertThat(event.release()).isNull();
            });
  }

  @Test
  void countsStatusesOfTheKeyColonLines() {
    Map<Integer, Integer> perStatus = new HashMap<>();
    for (AccessEvent event : events(parseAll(Lines.BLUE_GREEN_DIRECTIVE))) {
      perStatus.merge(event.status(), 1, Integer::sum);
    }

    assertThat(perStatus)
        .containsOnly(Map.entry(200, 255), Map.entry(404, 311), Map.entry(500, 150));
  }

  @Test
  void followsTheRealFlipsBetweenPoolsInOrder() {
    List<String> runs = new ArrayList<>();
    String previous = null;
    int count = 0;
    for (AccessEvent event : events(parseAll(Lines.BLUE_GREEN_DIRECTIVE))) {
      if (event.pool() == null) {
        continue;
      }
      if (event.pool().equals(previous)) {
        count++;
      } else {
        if (previous != null) {
          runs.add(previous + " x" + count);
        }
        previous = event.pool();
        count = 1;
      }
    }
    runs.add(previous + " x" + count);

    assertThat(runs)
        .containsExactly(
            "blue x25", "green x1", "blue x3", "green x4", "blue x1", "green x50", "blue x482");
  }

  @Test
  void readsATimestampOnEveryEvent() {
    assertThat(events(parseAll(Lines.BLUE_GREEN_DIRECTIVE))).allMatch(AccessEvent::hasTime);
  }

  @Test
  void readsEveryCombinedLineWithTheCombinedFormat() {
    List<Parsed> parsed = parseAll(LogFormat.COMBINED);

    assertThat(events(parsed)).hasSize(5_244);
    assertThat(events(parsed)).allSatisfy(event -> assertThat(event.pool()).isNull());
  }
}
