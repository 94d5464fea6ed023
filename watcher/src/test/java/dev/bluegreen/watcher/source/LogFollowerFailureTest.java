package dev.bluegreen.watcher.source;

import static dev.bluegreen.watcher.source.LogLines.append;
import static dev.bluegreen.watcher.source.LogLines.concat;
import static dev.bluegreen.watcher.source.LogLines.lines;
import static dev.bluegreen.watcher.source.LogLines.numbered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.time.SystemTiming;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bug costs one read, never a re-read: a sink that throws (downstream) loses the lines of that
 * one call, whichever way the follower called it (a run of lines, an oversized line, a rotated file
 * being drained, the last partial line of a rotated file); an unexpected error in the follower
 * itself reopens the log where it was. Following goes on either way.
 */
class LogFollowerFailureTest {
  private static final Duration POLL = Duration.ofMillis(10);

  @TempDir Path dir;

  private Path log;
  private final RecordingSink recorded = new RecordingSink();
  private final ThrowingSink sink = new ThrowingSink(recorded);
  private LogFollower follower;

  @AfterEach
  void stop() {
    if (follower != null) {
      follower.close();
    }
  }

  private final FailingClock clock = new FailingClock();

  private void follow(LogFollower.Start start, LogPosition resume) {
    follower =
        new LogFollower(log, start, resume, POLL, ChangeSignal.polling(log, clock), clock, sink);
    follower.start();
  }

  @Test
  void afterAnUnexpectedErrorFollowingResumesWhereItWasNotFromTheStart() throws IOException {
    log = dir.resolve("access.log");
    append(log, lines("a ", 0, 10));
    follow(LogFollower.Start.BEGINNING, null);
    recorded.awaitLines(10);

    clock.failOnce();
    Await.until("the follower to hit the error", clock::failed);
    append(log, lines("b ", 0, 3));
    recorded.awaitLines(13);
    recorded.awaitPolls(5);

    assertThat(recorded.lines())
        .containsExactlyElementsOf(concat(numbered("a ", 0, 10), numbered("b ", 0, 3)));
  }

  @Test
  void anUnexpectedErrorAfterARotationWhileStoppedDoesNotReadTheRotatedFileAgain()
      throws IOException {
    log = dir.resolve("access.log");
    append(log, lines("a ", 0, 10));
    LogPosition stoppedAt = LogFollowerTest.positionAfterLines(log, 4);
    Files.move(log, dir.resolve("access.log.1"));
    append(log, lines("c ", 0, 3));
    follow(LogFollower.Start.END, stoppedAt);
    recorded.awaitLines(9);

    clock.failOnce();
    Await.until("the follower to hit the error", clock::failed);
    append(log, lines("c ", 3, 5));
    recorded.awaitLines(11);
    recorded.awaitPolls(5);

    assertThat(recorded.lines())
        .containsExactlyElementsOf(concat(numbered("a ", 4, 10), numbered("c ", 0, 5)));
    assertThat(follower.status().rotations()).isEqualTo(1);
  }

  @Test
  void anOversizedLineTheSinkFailsOnIsSkippedAndNothingIsReadAgain() throws IOException {
    log = dir.resolve("access.log");
    append(log, "before\n");
    follow(LogFollower.Start.BEGINNING, null);
    recorded.awaitLines(1);

    sink.throwOnOversized = true;
    append(log, "x".repeat(100_000)); // longer than a line may be: skipped while it lasts
    recorded.awaitPolls(3);
    append(log, "\nafter\n");
    recorded.awaitLines(2);
    recorded.awaitPolls(5);

    assertThat(recorded.lines()).containsExactly("before", "after");
  }

  @Test
  void aRotatedFileTheSinkFailsOnWhileDrainingIsNotReadAgain() throws IOException {
    log = dir.resolve("access.log");
    append(log, lines("a ", 0, 10) + "boom\n");
    LogPosition stoppedAt = LogFollowerTest.positionAfterLines(log, 4);
    Files.move(log, dir.resolve("access.log.1"));
    append(log, lines("c ", 0, 3));

    follow(LogFollower.Start.END, stoppedAt);
    recorded.awaitLines(9);
    recorded.awaitPolls(5);

    assertThat(recorded.lines())
        .containsExactlyElementsOf(concat(numbered("a ", 4, 10), numbered("c ", 0, 3)));
    assertThat(follower.status().rotations()).isEqualTo(1);
  }

  @Test
  void aCopyTheSinkFailsOnAfterCopytruncateStillCountsTheRotation() throws IOException {
    log = dir.resolve("access.log");
    append(log, lines("a ", 0, 10));
    follow(LogFollower.Start.BEGINNING, null);
    recorded.awaitLines(10);

    append(log, "b 0\nboom\n");
    Files.copy(log, dir.resolve("access.log.1"));
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
      channel.truncate(0);
    }
    append(log, lines("c ", 0, 5));
    recorded.awaitLines(16);
    recorded.awaitPolls(5);

    assertThat(recorded.lines())
        .containsExactlyElementsOf(
            concat(numbered("a ", 0, 10), List.of("b 0"), numbered("c ", 0, 5)));
    assertThat(follower.status().rotations()).isEqualTo(1);
  }

  @Test
  void aPartialLastLineTheSinkFailsOnAtRotationStillCountsTheRotation() throws IOException {
    log = dir.resolve("access.log");
    append(log, lines("a ", 0, 5));
    follow(LogFollower.Start.BEGINNING, null);
    recorded.awaitLines(5);

    append(log, "boom"); // Nginx died mid-line, then the file was rotated
    Files.move(log, dir.resolve("access.log.1"));
    append(log, lines("c ", 0, 3));
    recorded.awaitLines(8);
    recorded.awaitPolls(5);

    assertThat(recorded.lines())
        .containsExactlyElementsOf(concat(numbered("a ", 0, 5), numbered("c ", 0, 3)));
    assertThat(follower.status().rotations()).isEqualTo(1);
  }

  @Test
  void anOversizedPartialLastLineTheSinkFailsOnAtRotationStillCountsTheRotation()
      throws IOException {
    log = dir.resolve("access.log");
    append(log, lines("a ", 0, 5));
    follow(LogFollower.Start.BEGINNING, null);
    recorded.awaitLines(5);

    sink.throwOnOversized = true;
    append(log, "y".repeat(LineReader.MAX_LINE_BYTES + 1)); // held: a \r may follow, then \n
    recorded.awaitPolls(3);
    Files.move(log, dir.resolve("access.log.1"));
    append(log, lines("c ", 0, 3));
    recorded.awaitLines(8);
    recorded.awaitPolls(5);

    assertThat(recorded.lines())
        .containsExactlyElementsOf(concat(numbered("a ", 0, 5), numbered("c ", 0, 3)));
    assertThat(follower.status().rotations()).isEqualTo(1);
  }

  @Test
  void aSinkThatFailsWhenAFileStartsStillGetsItsLines() throws IOException {
    log = dir.resolve("access.log");
    append(log, lines("a ", 0, 3));
    sink.throwOnStartFile = true;

    follow(LogFollower.Start.BEGINNING, null);
    recorded.awaitLines(3);
    recorded.awaitPolls(5);

    assertThat(recorded.lines()).containsExactlyElementsOf(numbered("a ", 0, 3));
  }

  /** The system clock, which throws once (a bug in the follower) when the test says. */
  private static final class FailingClock extends SystemTiming {
    private final AtomicBoolean failNext = new AtomicBoolean();
    private volatile boolean failed;

    void failOnce() {
      failNext.set(true);
    }

    boolean failed() {
      return failed;
    }

    @Override
    public long nanoTime() {
      if (failNext.compareAndSet(true, false)) {
        failed = true;
        throw new IllegalStateException("a bug in the follower");
      }
      return super.nanoTime();
    }
  }

  /** Records through {@code recorded}, and throws (a bug) where the test says. */
  private static final class ThrowingSink implements LineSink {
    private final RecordingSink recorded;
    volatile boolean throwOnOversized;
    volatile boolean throwOnStartFile;

    ThrowingSink(RecordingSink recorded) {
      this.recorded = recorded;
    }

    @Override
    public void line(byte[] bytes, int offset, int length) {
      if (new String(bytes, offset, length, StandardCharsets.UTF_8).equals("boom")) {
        throw new IllegalStateException("pipeline bug on a line");
      }
      recorded.line(bytes, offset, length);
    }

    @Override
    public void oversized() {
      if (throwOnOversized) {
        throw new IllegalStateException("pipeline bug on an oversized line");
      }
      recorded.oversized();
    }

    @Override
    public void startFile(String name) {
      if (throwOnStartFile) {
        throw new IllegalStateException("pipeline bug at the start of a file");
      }
      recorded.startFile(name);
    }

    @Override
    public void poll(FollowerStatus status) {
      recorded.poll(status);
    }
  }
}
