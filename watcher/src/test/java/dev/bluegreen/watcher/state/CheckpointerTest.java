package dev.bluegreen.watcher.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.source.FileIdentity;
import dev.bluegreen.watcher.source.LogPosition;
import dev.bluegreen.watcher.time.FakeTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the state file is written: at once when asked, else at most once a second while lines flow.
 */
class CheckpointerTest {
  private static final Detectors.State DETECTORS =
      new Detectors(200, 2, 50, 1000, 300_000, 30_000, "blue", false, alert -> {}).state();

  @TempDir Path dir;

  private final FakeTiming timing = new FakeTiming();

  private static LogPosition at(long offset) {
    return new LogPosition(new FileIdentity("(dev=1,ino=2)", "fp"), offset);
  }

  private Checkpointer checkpointer(Path file) {
    return new Checkpointer(new StateStore(file), dir.resolve("access.log"), "blue", false, timing);
  }

  private long savedOffset(Path file) {
    return new StateStore(file).load().orElseThrow().position().offset();
  }

  @Test
  void savesAtTheFirstPollThenAtMostOnceASecondWhileLinesFlow() {
    Path file = dir.resolve("state.json");
    Checkpointer checkpointer = checkpointer(file);

    checkpointer.saveIfDue(at(100), 1, () -> DETECTORS);
    assertThat(savedOffset(file)).isEqualTo(100);

    timing.advance(Duration.ofMillis(999));
    checkpointer.saveIfDue(at(200), 2, () -> DETECTORS);
    assertThat(savedOffset(file)).as("within the second").isEqualTo(100);

    timing.advance(Duration.ofMillis(1));
    checkpointer.saveIfDue(at(300), 3, () -> DETECTORS);
    assertThat(savedOffset(file)).isEqualTo(300);
  }

  @Test
  void isBehindWhileLinesReadAreNotSavedYet() {
    Checkpointer checkpointer = checkpointer(dir.resolve("state.json"));
    assertThat(checkpointer.behind(0)).as("before the first save").isTrue();

    checkpointer.saveIfDue(at(100), 1, () -> DETECTORS);
    assertThat(checkpointer.behind(1)).isFalse();

    timing.advance(Duration.ofMillis(500));
    checkpointer.saveIfDue(at(200), 2, () -> DETECTORS); // within the second: not saved
    assertThat(checkpointer.behind(2)).as("the live watcher keeps polling for it").isTrue();

    timing.advance(Duration.ofMillis(500));
    checkpointer.saveIfDue(at(200), 2, () -> DETECTORS);
    assertThat(checkpointer.behind(2)).isFalse();
  }

  @Test
  void withoutAStateFileItIsNeverBehind() {
    Checkpointer none = new Checkpointer(null, dir.resolve("access.log"), "blue", false, timing);

    assertThat(none.behind(42)).isFalse();
  }

  @Test
  void anIdleLogIsNotSavedAgain() throws IOException {
    Path file = dir.resolve("state.json");
    Checkpointer checkpointer = checkpointer(file);
    checkpointer.saveIfDue(at(100), 5, () -> DETECTORS);
    Files.delete(file);

    timing.advance(Duration.ofSeconds(10));
    checkpointer.saveIfDue(at(100), 5, () -> DETECTORS);

    assertThat(file).doesNotExist();
  }

  @Test
  void anAskedSaveIsWrittenAtOnce() {
    Path file = dir.resolve("state.json");
    Checkpointer checkpointer = checkpointer(file);
    checkpointer.saveIfDue(at(100), 1, () -> DETECTORS);

    assertThat(checkpointer.save(at(150), DETECTORS)).isTrue();

    assertThat(savedOffset(file)).isEqualTo(150);
  }

  @Test
  void aStateFileThatCannotBeWrittenIsReportedNotThrown() throws IOException {
    Path notADirectory = dir.resolve("plain-file");
    Files.writeString(notADirectory, "x");
    Checkpointer checkpointer = checkpointer(notADirectory.resolve("state.json"));

    assertThat(checkpointer.save(at(1), DETECTORS)).isFalse();
    assertThat(checkpointer.save(at(2), DETECTORS)).isFalse();
  }

  @Test
  void withoutAStateFileNothingIsWritten() throws IOException {
    Checkpointer none = new Checkpointer(null, dir.resolve("access.log"), "blue", false, timing);

    assertThat(none.save(at(1), DETECTORS)).isTrue();
    none.saveIfDue(at(1), 1, () -> DETECTORS);

    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
