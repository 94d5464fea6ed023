package dev.bluegreen.watcher.source;

import static dev.bluegreen.watcher.source.LogLines.append;
import static dev.bluegreen.watcher.source.LogLines.concat;
import static dev.bluegreen.watcher.source.LogLines.numbered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.time.SystemTiming;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follower against real files in a temp dir, rotated the ways logrotate and Nginx do it. */
class LogFollowerTest {
  private static final Duration POLL = Duration.ofMillis(10);

  @TempDir Path dir;

  private Path log;
  private final RecordingSink sink = new RecordingSink();
  private LogFollower follower;

  @AfterEach
  void stop() {
    if (follower != null) {
      follower.close();
    }
  }

  private void follow(LogFollower.Start start) {
    follow(start, null);
  }

  private void follow(LogFollower.Start start, LogPosition resume) {
    follower =
        new LogFollower(
            log,
            start,
            resume,
            POLL,
            ChangeSignal.notified(log, Timing.SYSTEM),
            Timing.SYSTEM,
            sink);
    follower.start();
  }

  /** Creates an empty access.log, follows it from its end, and waits until the follower polls. */
  private void followNewEmptyLog() throws IOException {
    log = dir.resolve("access.log");
    Files.createFile(log);
    follow(LogFollower.Start.END);
    sink.awaitPolls(2);
  }

  private static void appendRaw(Path file, String text) throws IOException {
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void readsLinesAppendedAfterStartingAtTheEnd() throws IOException {
    log = dir.resolve("access.log");
    append(log, numbered("old ", 0, 5));
    follow(LogFollower.Start.END);
    sink.awaitPolls(3);

    append(log, numbered("new ", 0, 100));
    sink.awaitLines(100);

    assertThat(sink.lines()).isEqualTo(numbered("new ", 0, 100));
  }

  /**
   * A quiet log is looked at only when a notification or a caller wakes the follower, and once
   * every five polls' time as a safety net ({@link QuietChecks}): a write no notification announces
   * (here through a hard link in another directory, which inotify reports there) is still read, at
   * the next safety look.
   */
  @Test
  void aWriteNoNotificationAnnouncesIsReadByTheSafetyLook() throws IOException {
    followNewEmptyLog();
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Path link = Files.createLink(elsewhere.resolve("same-file.log"), log);
    sink.awaitPolls(ReadPace.QUIET_READS_BEFORE_WAITING + 2); // quiet: safety looks only

    append(link, numbered("unannounced ", 0, 3));
    sink.awaitLines(3);

    assertThat(sink.lines()).isEqualTo(numbered("unannounced ", 0, 3));
  }

  /**
   * An idle follower whose notifications can be trusted wakes once per safety look, {@link
   * QuietChecks#SAFETY_POLLS} polls apart, not at every poll: what an idle watcher costs all day
   * (issue 15). The gaps are bounded from below only: a slow machine makes them longer, not
   * shorter.
   */
  @Test
  void aQuietLogIsPolledOncePerSafetyLookNotAtEveryPoll() throws IOException {
    followNewEmptyLog();
    sink.awaitPolls(ReadPace.QUIET_READS_BEFORE_WAITING + 4);

    List<Long> times = sink.pollTimes();
    List<Long> lastGapsMillis =
        IntStream.range(times.size() - 3, times.size())
            .mapToObj(i -> Duration.ofNanos(times.get(i) - times.get(i - 1)).toMillis())
            .toList();
    long safetyLookMillis = POLL.toMillis() * QuietChecks.SAFETY_POLLS;
    assertThat(lastGapsMillis)
        .as("the last idle gaps between polls, against a safety look every %d ms", safetyLookMillis)
        .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(safetyLookMillis * 9 / 10));
  }

  /**
   * A read that took all the log held is followed by the busy poll, not by another read at once:
   * lines written meanwhile wait for it (issue 15: at Nginx's pace each extra read, with its
   * rotation check and poll, cost more CPU than the lines it found). Bounded from below only.
   */
  @Test
  void aReadThatTookAllThereWasIsFollowedByTheBusyPollNotAnotherReadAtOnce() throws IOException {
    followNewEmptyLog();

    append(log, numbered("line ", 0, 3));
    sink.awaitLines(3);
    sink.awaitPolls(2);

    List<Long> times = sink.pollTimes();
    int afterRead = sink.linesAtPolls().indexOf(3);
    long gapMillis = Duration.ofNanos(times.get(afterRead + 1) - times.get(afterRead)).toMillis();
    assertThat(gapMillis)
        .as("the gap after the poll that handed the lines on, against a busy poll of %s", POLL)
        .isGreaterThanOrEqualTo(POLL.toMillis() * 9 / 10);
  }

  /**
   * A busy log is polled with notifications off, not announced write by write: Nginx writes a line
   * per request, and a notification each cost the watcher twice the CPU of its reads (issue 15).
   * The writes are a millisecond apart, as at 1,000 requests a second.
   */
  @Test
  void aBusyLogIsPolledWithNotificationsOffNotAnnouncedWriteByWrite() throws Exception {
    log = dir.resolve("access.log");
    Files.createFile(log);
    ChangeSignal changes = ChangeSignal.notified(log, Timing.SYSTEM);
    follower =
        new LogFollower(log, LogFollower.Start.END, null, POLL, changes, Timing.SYSTEM, sink);
    follower.start();
    sink.awaitPolls(ReadPace.QUIET_READS_BEFORE_WAITING + 2); // quiet: notifications on

    long before = changes.announced();
    int writes = 200;
    for (int n = 0; n < writes; n++) {
      append(log, List.of("line " + n));
      Thread.sleep(1); // the writer's pace, not a wait for the follower
    }
    sink.awaitLines(writes);

    assertThat(changes.announced() - before)
        .as("notifications for %d writes a millisecond apart", writes)
        .isLessThan(writes / 10);
  }

  /**
   * An idle follower waits for the file system, not a timer: with a poll of an hour, a new line, a
   * new file in place of the log, and a wake-up (a control) are each acted on at once.
   */
  @Test
  void aQuietFollowerIsWokenByChangesNotByItsPoll() throws IOException {
    log = dir.resolve("access.log");
    Files.createFile(log);
    follower =
        new LogFollower(
            log,
            LogFollower.Start.END,
            null,
            Duration.ofHours(1),
            ChangeSignal.notified(log, Timing.SYSTEM),
            Timing.SYSTEM,
            sink);
    follower.start();
    Await.until("the follower to open the log", () -> follower.status().following());

    append(log, numbered("new ", 0, 3));
    sink.awaitLines(3);
    int polls = sink.polls();
    follower.wake();
    Await.until("a poll after wake()", () -> sink.polls() > polls);
    Files.move(log, dir.resolve("access.log.1"));
    append(log, numbered("next ", 0, 2));
    append(dir.resolve("access.log.1"), numbered("late ", 0, 1));

    sink.awaitLines(6);
    assertThat(sink.lines()).containsSubsequence("new 0", "late 0").contains("next 0", "next 1");
  }

  @Test
  void fromTheBeginningReadsWhatIsAlreadyThere() throws IOException {
    log = dir.resolve("access.log");
    append(log, numbered("old ", 0, 5));
    follow(LogFollower.Start.BEGINNING);

    sink.awaitLines(5);

    assertThat(sink.lines()).isEqualTo(numbered("old ", 0, 5));
  }

  @Test
  void startingAtTheEndWaitsForTheRestOfAPartialLastLine() throws IOException {
    log = dir.resolve("access.log");
    appendRaw(log, "complete\npart");
    follow(LogFollower.Start.END);
    sink.awaitPolls(3);

    appendRaw(log, "ial\nnext\n");
    sink.awaitLines(2);

    assertThat(sink.lines()).containsExactly("partial", "next");
  }

  @Test
  void aPartialLineIsHeldUntilItsNewlineArrives() throws IOException {
    followNewEmptyLog();

    appendRaw(log, "first half");
    sink.awaitPolls(5);
    assertThat(sink.lines()).isEmpty();

    appendRaw(log, " and second half\n");
    sink.awaitLines(1);
    assertThat(sink.lines()).containsExactly("first half and second half");
  }

  @Test
  void aTouchWithoutGrowthReadsNothingAgain() throws IOException {
    log = dir.resolve("access.log");
    append(log, numbered("line ", 0, 3));
    follow(LogFollower.Start.BEGINNING);
    sink.awaitLines(3);

    Files.setLastModifiedTime(log, FileTime.from(Instant.now().plusSeconds(60)));
    sink.awaitPolls(10);

    assertThat(sink.lines()).isEqualTo(numbered("line ", 0, 3));
  }

  @Test
  void aMissingFileIsWaitedForAndReadFromItsStart() throws IOException {
    log = dir.resolve("access.log");
    follow(LogFollower.Start.END);
    Await.until("the follower to wait", () -> follower.status().waitingForLog());

    append(log, numbered("line ", 0, 10));
    sink.awaitLines(10);

    assertThat(sink.lines()).isEqualTo(numbered("line ", 0, 10));
    assertThat(follower.status().waitingForLog()).isFalse();
  }

  @Test
  void renameRotationDrainsTheOldFileIncludingLinesWrittenBeforeNginxReopened() throws IOException {
    log = dir.resolve("access.log");
    append(log, numbered("a ", 0, 10));
    follow(LogFollower.Start.BEGINNING);
    sink.awaitLines(10);

    Path rotated = dir.resolve("access.log.1");
    Files.move(log, rotated); // logrotate: rename, then create
    Files.createFile(log);
    append(rotated, numbered("b ", 0, 10)); // Nginx still writes to the renamed file...
    append(log, numbered("c ", 0, 10)); // ...until USR1 makes it reopen
    sink.awaitLines(30);

    assertThat(sink.lines())
        .containsExactlyElementsOf(
            concat(numbered("a ", 0, 10), numbered("b ", 0, 10), numbered("c ", 0, 10)));
    assertThat(follower.status().rotations()).isEqualTo(1);
  }

  @Test
  void deleteAndRecreateDrainsTheDeletedFileThroughItsOpenDescriptor() throws IOException {
    log = dir.resolve("access.log");
    append(log, numbered("a ", 0, 5));
    follow(LogFollower.Start.BEGINNING);
    sink.awaitLines(5);

    try (var writer = Files.newBufferedWriter(log, StandardOpenOption.APPEND)) {
      Files.delete(log);
      writer.write("b 0\nb 1\n"); // a writer holding the deleted file
    }
    append(log, numbered("c ", 0, 5));
    sink.awaitLines(12);

    assertThat(sink.lines())
        .containsExactlyElementsOf(
            concat(numbered("a ", 0, 5), List.of("b 0", "b 1"), numbered("c ", 0, 5)));
  }

  @Test
  void copytruncateTakesUnreadLinesFromTheCopyThenReadsTheLogFromItsStart() throws IOException {
    log = dir.resolve("access.log");
    append(log, numbered("a ", 0, 10));
    follow(LogFollower.Start.BEGINNING);
    sink.awaitLines(10);
    follower.close(); // stop reading so lines pile up unread, as between two polls
    follower = null;

    // pretend the follower had read up to here, then copytruncate happens with more lines after it
    RecordingSink resumed = new RecordingSink();
    LogPosition readUpTo = positionAfterLines(log, 10);
    append(log, numbered("b ", 0, 10));
    Files.copy(log, dir.resolve("access.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
    try (var channel = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
      channel.truncate(0);
    }
    append(log, numbered("c ", 0, 30)); // grows past the old offset before anyone polls

    follower =
        new LogFollower(
            log,
            LogFollower.Start.END,
            readUpTo,
            POLL,
            ChangeSignal.notified(log, Timing.SYSTEM),
            Timing.SYSTEM,
            resumed);
    follower.start();
    resumed.awaitLines(40);

    assertThat(resumed.lines())
        .containsExactlyElementsOf(concat(numbered("b ", 0, 10), numbered("c ", 0, 30)));
  }

  @Test
  void copytruncateWhileFollowingLosesNothingThatReachedTheCopy() throws IOException {
    log = dir.resolve("access.log");
    append(log, numbered("a ", 0, 10));
    follow(LogFollower.Start.BEGINNING);
    sink.awaitLines(10);

    append(log, numbered("b ", 0, 5));
    Files.copy(log, dir.resolve("access.log.1"), StandardCopyOption.REPLACE_EXISTING);
    try (var channel = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
      channel.truncate(0);
    }
    append(log, numbered("c ", 0, 5));
    sink.awaitLines(20);
    sink.awaitPolls(5);

    assertThat(sink.lines())
        .containsExactlyElementsOf(
            concat(numbered("a ", 0, 10), numbered("b ", 0, 5), numbered("c ", 0, 5)));
  }

  @Test
  void copytruncateRightAfterTheFirstLinesOfAFileThatWasEmptyIsStillSeen() throws IOException {
    followNewEmptyLog();

    append(log, numbered("a ", 0, 2)); // the file's first lines, read in one batch
    sink.awaitLines(2);
    Files.copy(log, dir.resolve("access.log.1"));
    try (var channel = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
      channel.truncate(0);
    }
    append(log, numbered("b ", 0, 30)); // past the old offset before the next poll
    sink.awaitLines(32);
    sink.awaitPolls(5);

    assertThat(sink.lines())
        .containsExactlyElementsOf(concat(numbered("a ", 0, 2), numbered("b ", 0, 30)));
  }

  @Test
  void resumesWhereThePreviousRunStopped() throws IOException {
    log = dir.resolve("access.log");
    append(log, numbered("a ", 0, 10));
    LogPosition stoppedAt = positionAfterLines(log, 6);

    follow(LogFollower.Start.END, stoppedAt);
    sink.awaitLines(4);

    assertThat(sink.lines()).isEqualTo(numbered("a ", 6, 10));
  }

  @Test
  void resumesFromTheRenamedFileWhenTheLogWasRotatedWhileStopped() throws IOException {
    log = dir.resolve("access.log");
    append(log, numbered("a ", 0, 10));
    LogPosition stoppedAt = positionAfterLines(log, 4);
    Files.move(log, dir.resolve("access.log.1"));
    append(log, numbered("c ", 0, 3));

    follow(LogFollower.Start.END, stoppedAt);
    sink.awaitLines(9);

    assertThat(sink.lines())
        .containsExactlyElementsOf(concat(numbered("a ", 4, 10), numbered("c ", 0, 3)));
  }

  @Test
  void anOversizedLineIsReportedAndFollowingLinesStillArrive() throws IOException {
    followNewEmptyLog();

    appendRaw(log, "x".repeat(200_000) + "\nafter\n");
    sink.awaitLines(1);

    assertThat(sink.oversizedCount()).isEqualTo(1);
    assertThat(sink.lines()).containsExactly("after");
  }

  @Test
  void aLineOfTheLongestLengthArrivesWholeAcrossAReadsEnd() throws IOException {
    followNewEmptyLog();
    String longest = "L" + "y".repeat(LineReader.MAX_LINE_BYTES - 1);
    // short lines up to half the longest line before a read's end: the next line straddles it
    int fillers = (LogFollower.CHUNK_BYTES - LineReader.MAX_LINE_BYTES / 2) / 100;
    List<String> lines =
        concat(Collections.nCopies(fillers, "f".repeat(99)), List.of(longest, longest, "after"));

    append(log, lines);
    sink.awaitLines(lines.size());

    assertThat(sink.lines()).isEqualTo(lines);
    assertThat(sink.oversizedCount()).isZero();
  }

  @Test
  void anOversizedLineLongerThanOneReadIsReportedOnce() throws IOException {
    followNewEmptyLog();

    appendRaw(log, "before\n" + "y".repeat(3 * 1024 * 1024 + 17) + "\nafter\n");
    sink.awaitLines(2);
    sink.awaitPolls(2);

    assertThat(sink.oversizedCount()).isEqualTo(1);
    assertThat(sink.lines()).containsExactly("before", "after");
  }

  @Test
  void aBacklogOfManyMegabytesArrivesWholeAndInOrder() throws IOException {
    followNewEmptyLog();

    // lines of varying length, so they straddle the follower's read boundaries everywhere
    List<String> lines =
        IntStream.range(0, 200_000).mapToObj(i -> i + " " + "z".repeat(i % 97)).toList();
    append(log, lines);
    sink.awaitLines(lines.size());
    sink.awaitPolls(2);

    List<String> got = sink.lines();
    assertThat(got).hasSameSizeAs(lines);
    assertThat(firstOutOfPlace(got, lines))
        .as("index of the first line out of place")
        .isEqualTo(-1);
    assertThat(follower.status().lastLineMillis()).isPositive();
  }

  @Test
  void anOversizedLastLineOfARotatedFileIsReported() throws IOException {
    followNewEmptyLog();

    appendRaw(log, "before\n" + "y".repeat(100_000)); // no newline: Nginx died mid-line
    sink.awaitLines(1);
    sink.awaitPolls(3);
    Files.move(log, dir.resolve("access.log.1"));
    append(log, List.of("after"));
    sink.awaitLines(2);

    assertThat(sink.lines()).containsExactly("before", "after");
    assertThat(sink.oversizedCount()).isEqualTo(1);
  }

  /**
   * A sink with a decision due soon (a failover waiting 10 ms for its evidence) is read for and
   * polled by then, not a busy poll (25 ms) later; once nothing is due, the busy poll is back.
   */
  @Test
  void aSinkWithADecisionDueIsPolledByThenNotABusyPollLater() throws IOException {
    log = dir.resolve("access.log");
    Files.createFile(log);
    SleepRecorder timing = new SleepRecorder();
    DueSoonSink due = new DueSoonSink(sink, 3, timing);
    follower =
        new LogFollower(
            log,
            LogFollower.Start.END,
            null,
            Duration.ofSeconds(1),
            ChangeSignal.notified(log, timing),
            timing,
            due);
    follower.start();
    sink.awaitPolls(2);

    append(log, List.of("a failover, not yet explained"));
    sink.awaitLines(1);
    Await.until("three busy polls after it", () -> due.sleepsSinceLine().size() >= 3);

    assertThat(due.sleepsSinceLine().subList(0, 2))
        .as("the follower's waits after the line: until the sink's decision, then a busy poll")
        .containsExactly(Duration.ofMillis(3), LogFollower.BUSY_POLL);
  }

  /** Sleeps as the system does, and records what it was asked to sleep. */
  private static final class SleepRecorder extends SystemTiming {
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(long nanos) throws InterruptedException {
      sleeps.add(Duration.ofNanos(nanos));
      super.sleep(nanos);
    }

    List<Duration> sleepsFrom(int index) {
      synchronized (sleeps) {
        return List.copyOf(sleeps.subList(index, sleeps.size()));
      }
    }

    int sleepCount() {
      return sleeps.size();
    }
  }

  /**
   * After its first line, wants the next poll within {@code dueMillis} until it has been polled
   * twice (the poll right after the read, then the one it asked for); records the follower's sleeps
   * from that line on.
   */
  private static final class DueSoonSink implements LineSink {
    private final RecordingSink sink;
    private final long dueMillis;
    private final SleepRecorder timing;
    private volatile int sleepsBeforeLine = -1;
    private int pollsSinceLine;

    DueSoonSink(RecordingSink sink, long dueMillis, SleepRecorder timing) {
      this.sink = sink;
      this.dueMillis = dueMillis;
      this.timing = timing;
    }

    @Override
    public void line(byte[] bytes, int offset, int length) {
      if (sleepsBeforeLine < 0) {
        sleepsBeforeLine = timing.sleepCount();
      }
      sink.line(bytes, offset, length);
    }

    @Override
    public void oversized() {
      sink.oversized();
    }

    @Override
    public void poll(FollowerStatus status) {
      if (sleepsBeforeLine >= 0) {
        pollsSinceLine++;
      }
      sink.poll(status);
    }

    @Override
    public long nextPollWithinMillis() {
      return sleepsBeforeLine >= 0 && pollsSinceLine < 2 ? dueMillis : Long.MAX_VALUE;
    }

    List<Duration> sleepsSinceLine() {
      return sleepsBeforeLine < 0 ? List.of() : timing.sleepsFrom(sleepsBeforeLine);
    }
  }

  @Test
  void aBacklogStillBeingReadWhenTheLogIsRenamedIsReadWholeBeforeTheNewFile() throws IOException {
    log = dir.resolve("access.log");
    List<String> backlog =
        IntStream.range(0, 100_000).mapToObj(i -> "a " + i + " " + "z".repeat(90)).toList();
    append(log, backlog); // about 10 MB: more than one poll reads
    LineSink slow = new SlowSink(sink); // a pipeline busy parsing: each chunk takes a while
    follower =
        new LogFollower(
            log,
            LogFollower.Start.BEGINNING,
            null,
            POLL,
            ChangeSignal.notified(log, Timing.SYSTEM),
            Timing.SYSTEM,
            slow);
    follower.start();
    sink.awaitLines(1);

    Files.move(log, dir.resolve("access.log.1"));
    append(log, numbered("c ", 0, 3));
    Await.until("the new file's last line", () -> "c 2".equals(sink.lastLine()));

    List<String> expected = concat(backlog, numbered("c ", 0, 3));
    List<String> got = sink.lines();
    assertThat(got).hasSameSizeAs(expected);
    assertThat(firstOutOfPlace(got, expected))
        .as("index of the first line out of place")
        .isEqualTo(-1);
    assertThat(sink.oversizedCount()).isZero();
  }

  private static int firstOutOfPlace(List<String> got, List<String> expected) {
    return IntStream.range(0, expected.size())
        .filter(i -> !got.get(i).equals(expected.get(i)))
        .findFirst()
        .orElse(-1);
  }

  /** Hands each run of lines on after a pause, as a pipeline busy with a big read would. */
  private record SlowSink(RecordingSink sink) implements LineSink {
    @Override
    public void lines(byte[] bytes, int from, int to) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LineSink.super.lines(bytes, from, to);
    }

    @Override
    public void line(byte[] bytes, int offset, int length) {
      sink.line(bytes, offset, length);
    }

    @Override
    public void oversized() {
      sink.oversized();
    }

    @Override
    public void startFile(String name) {
      sink.startFile(name);
    }

    @Override
    public void poll(FollowerStatus status) {
      sink.poll(status);
    }
  }

  @Test
  void windowsLineEndingsLoseTheirCarriageReturn() throws IOException {
    followNewEmptyLog();

    appendRaw(log, "one\r\ntwo\r\n\r\n");
    sink.awaitLines(3);

    assertThat(sink.lines()).containsExactly("one", "two", "");
  }

  @Test
  void keepsFollowingWhenTheSinkThrows() throws IOException {
    log = dir.resolve("access.log");
    Files.createFile(log);
    RecordingSink delegate = new RecordingSink();
    LineSink throwing =
        new LineSink() {
          @Override
          public void startFile(String name) {}

          @Override
          public void line(byte[] bytes, int offset, int length) {
            if (new String(bytes, offset, length, StandardCharsets.UTF_8).equals("boom")) {
              throw new IllegalStateException("pipeline bug");
            }
            delegate.line(bytes, offset, length);
          }

          @Override
          public void oversized() {}

          @Override
          public void poll(FollowerStatus status) {
            delegate.poll(status);
          }
        };
    follower =
        new LogFollower(
            log,
            LogFollower.Start.END,
            null,
            POLL,
            ChangeSignal.notified(log, Timing.SYSTEM),
            Timing.SYSTEM,
            throwing);
    follower.start();
    delegate.awaitPolls(2);

    append(log, List.of("one", "boom", "lost with the rest of that read"));
    delegate.awaitLines(1); // "one" is handed on in the same read as "boom"
    append(log, List.of("two"));
    delegate.awaitLines(2);

    assertThat(delegate.lines()).containsExactly("one", "two");
  }

  /** Where a reader stands after the first {@code lines} lines of {@code file}. */
  static LogPosition positionAfterLines(Path file, int lines) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int seen = 0;
    int offset = 0;
    while (seen < lines) {
      if (bytes[offset++] == '\n') {
        seen++;
      }
    }
    try (var channel = java.nio.channels.FileChannel.open(file)) {
      return new LogPosition(
          new FileIdentity(FileIdentity.fileKey(file), FileIdentity.fingerprint(channel)), offset);
    }
  }
}
