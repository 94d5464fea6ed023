package dev.bluegreen.watcher.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.NginxLikeWriter;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A randomized model test in the manner of Vector's file source: random appends, half-written
 * lines, rename rotations, copytruncates, deletions and restarts, against the simplest model of
 * what must be read: every line written, once, in order.
 */
class LogFollowerModelTest {
  private static final Duration POLL = Duration.ofMillis(5);

  /** Woken by inotify, the poll only a safety net: the wake can land between copy and truncate. */
  private static final Duration SAFETY_POLL = Duration.ofMillis(300);

  @TempDir Path dir;

  private final List<String> seen = new ArrayList<>();
  private RecordingSink sink;
  private LogFollower follower;
  private Path log;

  private boolean notified;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
  void everyLineWrittenIsReadOnceInOrderPolling(long seed) throws Exception {
    everyLineWrittenIsReadOnceInOrder(seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
  void everyLineWrittenIsReadOnceInOrderWokenByChanges(long seed) throws Exception {
    notified = true;
    everyLineWrittenIsReadOnceInOrder(seed);
  }

  private void everyLineWrittenIsReadOnceInOrder(long seed) throws Exception {
    Random random = new Random(seed);
    log = dir.resolve("access.log");
    int rotated = 0;
    try (NginxLikeWriter writer = new NginxLikeWriter(log)) {
      startFollower(LogFollower.Start.BEGINNING, null);
      for (int step = 0; step < 40; step++) {
        int op = random.nextInt(100);
        int reopenAfter = 1 + random.nextInt(5);
        Path rotatedName = dir.resolve("access.log." + step);
        if (op < 55) {
          int lines = 1 + random.nextInt(60);
          history.add("write " + lines);
          writer.write(lines);
        } else if (op < 65) {
          history.add("half");
          writer.writeHalfALine();
        } else if (op < 90) {
          settle(writer);
          caughtUp(writer);
          pendingSince = follower.status().rotations();
          if (op < 75) {
            history.add("rename, reopen after " + reopenAfter);
            writer.renameTo(rotatedName, reopenAfter);
          } else if (op < 83) {
            history.add("copytruncate");
            writer.copyTruncate(rotatedName);
          } else {
            history.add("delete, reopen after " + reopenAfter);
            writer.deleteAndRecreate(reopenAfter);
          }
          rotated++;
        } else {
          settle(writer);
          history.add("restart");
          restart();
        }
      }
      writer.write(1); // completes a pending half line
      List<String> expected = writer.lines();
      Await.until(
          expected.size() + " lines",
          () -> allSeen().size() >= expected.size(),
          () -> "seen " + allSeen().size() + " after " + history + " missing " + missing(writer));

      assertThat(allSeen())
          .as("seed %d, %d rotations, after %s", seed, rotated, history)
          .isEqualTo(expected);
    } finally {
      follower.close();
    }
  }

  private long pendingSince = -1;

  private List<String> missing(NginxLikeWriter writer) {
    List<String> expected = new ArrayList<>(writer.lines());
    expected.removeAll(allSeen());
    return expected.stream().map(l -> l.substring(48, 70)).toList();
  }

  private final List<String> history = new ArrayList<>();

  /**
   * Writes a line and waits until the follower read everything: a file is not rotated within a poll
   * of its creation. (Lines appended to a new file and truncated away before the follower ever
   * polled it are lost; no tailer without inotify can see them.)
   */
  private void caughtUp(NginxLikeWriter writer) throws IOException {
    writer.write(1);
    long written = writer.written();
    Await.until(
        "the follower to catch up: " + written + " written",
        () -> allSeen().size() >= written,
        () -> "seen " + allSeen().size() + " after " + history + " missing " + missing(writer));
  }

  /**
   * Waits until the follower has followed the last rotation (after the writer reopened), as
   * logrotate does not rotate twice within a second.
   */
  private void settle(NginxLikeWriter writer) throws IOException {
    if (pendingSince < 0) {
      return;
    }
    while (!Files.exists(log)) {
      writer.write(1); // Nginx reopens on USR1...
    }
    writer.write(1); // ...and writes the next lines to the new file
    long before = pendingSince;
    Await.until(
        "the rotation to be followed",
        () -> follower.status().rotations() > before,
        () -> "after " + history);
    pendingSince = -1;
  }

  private void restart() throws IOException {
    follower.close();
    LogPosition position = follower.status().position();
    seen.addAll(sink.lines());
    startFollower(LogFollower.Start.END, position);
  }

  private void startFollower(LogFollower.Start start, LogPosition resume) {
    sink = new RecordingSink();
    follower =
        notified
            ? new LogFollower(
                log,
                start,
                resume,
                SAFETY_POLL,
                ChangeSignal.notified(log, Timing.SYSTEM),
                Timing.SYSTEM,
                sink)
            : new LogFollower(
                log,
                start,
                resume,
                POLL,
                ChangeSignal.polling(log, Timing.SYSTEM),
                Timing.SYSTEM,
                sink);
    follower.start();
    LogFollower started = follower;
    Await.until("the follower to open the log", () -> started.status().following());
  }

  private List<String> allSeen() {
    List<String> all = new ArrayList<>(seen);
    all.addAll(sink.lines());
    return all;
  }
}
