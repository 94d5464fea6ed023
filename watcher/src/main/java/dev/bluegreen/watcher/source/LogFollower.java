package dev.bluegreen.watcher.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.input.Tailer;
import org.apache.commons.io.input.TailerListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a live log with Commons IO's {@link Tailer}, and covers what the Tailer alone misses:
 *
 * <ul>
 *   <li>rename rotation (logrotate {@code create}, Nginx reopening on USR1): the renamed file is
 *       drained to its end, including lines Nginx wrote before it reopened, then the new file is
 *       read from its start;
 *   <li>delete and recreate: the deleted file is drained through the open descriptor;
 *   <li>{@code copytruncate}, even when the file grew past the old offset before the next poll: the
 *       lines not yet read are taken from the copy beside the log, then the log from its start;
 *   <li>a missing file: waited for, said once;
 *   <li>a partial last line: held until its newline arrives; a touch never causes a re-read;
 *   <li>an exception from the pipeline: logged, and tailing goes on.
 * </ul>
 *
 * <p>Lines are handed to the {@link Sink} on the follower's own thread, the only thread that parses
 * and decides. The Tailer reads as ISO-8859-1 so every byte maps to one char and back: the sink
 * gets the file's exact bytes.
 */
public final class LogFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LogFollower.class);

  /** How often the file is polled; half of it is the average wait before a new line is read. */
  public static final Duration DEFAULT_POLL = Duration.ofMillis(25);

  /** After a rotation, switch to the new file once the old one was quiet this long... */
  private static final long QUIET_WITH_NEW_LINES_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** ...or this long when the new file has no line yet (Nginx may not have reopened). */
  private static final long QUIET_ALONE_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** Receives what the follower reads, on the follower's thread. */
  public interface Sink extends LineReader.Handler {
    /** Lines that follow come from the file {@code name}, numbered from 1. */
    void startFile(String name);

    /** Called at every poll (a few dozen times a second): ticks, controls, checkpoints. */
    void poll();
  }

  /** Where to begin reading the log when the watcher starts. */
  public enum Start {
    END,
    BEGINNING
  }

  private final Path path;
  private final Start start;
  private final LogPosition resume;
  private final Duration pollDelay;
  private final Sink sink;
  private final Thread thread;
  private volatile boolean closed;
  private volatile Tailer tailer;
  private volatile long rotations;
  private volatile long lastLineMillis;
  private volatile boolean waiting;
  private volatile boolean following;
  private boolean waitedForIt;
  private boolean sawLine;

  // state of the reading thread
  private OpenLogFile current;
  private long consumed;
  private boolean switchRequested;
  private long lastSize;
  private long lastGrowthNanos;
  private String lastError;
  private LogPosition lastPosition;
  private boolean switchedAway;
  private boolean readAgainFromStart;

  /**
   * @param resume where a previous run stopped, or {@code null} to begin at {@code start}
   */
  public LogFollower(Path path, Start start, LogPosition resume, Duration pollDelay, Sink sink) {
    this.path = path;
    this.start = start;
    this.resume = resume;
    this.pollDelay = pollDelay;
    this.sink = sink;
    this.thread = new Thread(this::run, "log-follower");
  }

  public void start() {
    thread.start();
  }

  /** Stops reading; returns once the reading thread has stopped (or after 5 s). */
  @Override
  public void close() {
    closed = true;
    Tailer running = tailer;
    if (running != null) {
      running.close();
    }
    // no interrupt: it would close the FileChannel mid-read; the thread stops within a poll
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Rotations seen since start: renames, deletions and truncations. */
  public long rotations() {
    return rotations;
  }

  /** Wall-clock millis when the last line was read, 0 before the first. */
  public long lastLineMillis() {
    return lastLineMillis;
  }

  /** Whether a log file is open and being tailed (false while starting or waiting for it). */
  public boolean following() {
    return following;
  }

  /** Whether the log file is missing and being waited for. */
  public boolean waiting() {
    return waiting;
  }

  public Path path() {
    return path;
  }

  /** How far the reading thread has read; call it on that thread (from {@link Sink#poll()}). */
  public LogPosition position() throws IOException {
    OpenLogFile file = current;
    return file == null ? lastPosition : new LogPosition(file.identity(), file.base() + consumed);
  }

  private void run() {
    boolean first = true;
    while (!closed) {
      try {
        OpenLogFile file = openWhenPresent();
        if (file == null) {
          break;
        }
        long startAt = first && !waitedForIt ? firstOffset(file) : 0;
        first = false;
        follow(file, startAt);
      } catch (IOException | RuntimeException e) {
        logOnce("error following " + path + ": " + e + "; retrying");
        sleepQuietly(pollDelay.toMillis() * 4);
      }
    }
    log.debug("stopped following {}", path);
  }

  private OpenLogFile openWhenPresent() throws IOException {
    while (!closed) {
      OpenLogFile file = OpenLogFile.open(path, this::poll);
      if (file != null) {
        if (waiting) {
          log.info("{} appeared; following it from its start", path);
          waiting = false;
        }
        return file;
      }
      if (!waiting) {
        log.warn("{} does not exist (yet); waiting for it", path);
        waiting = true;
        waitedForIt = true;
      }
      pollSink();
      sleepQuietly(pollDelay.toMillis());
    }
    return null;
  }

  /** Where to start in the first file: at the end, the start, or where the last run stopped. */
  private long firstOffset(OpenLogFile file) throws IOException {
    if (resume == null) {
      return start == Start.BEGINNING ? 0 : file.lastLineEnd();
    }
    FileIdentity now = file.identity();
    boolean sameFile =
        now.fileKey().equals(resume.identity().fileKey())
            && (resume.identity().fingerprint().isEmpty() || now.sameFileAs(resume.identity()));
    if (sameFile && file.absoluteSize() >= resume.offset()) {
      log.info("resuming {} at byte {}", path, resume.offset());
      return file.lineStartAtOrAfter(resume.offset());
    }
    Optional<Path> rotated = RotatedFiles.find(path, resume.identity(), resume.offset());
    if (rotated.isPresent()) {
      log.info(
          "{} was rotated while the watcher was stopped; reading the rest of {} first",
          path,
          rotated.get());
      drain(rotated.get(), resume.offset());
    } else {
      log.warn(
          "{} was rotated while the watcher was stopped and the old file is gone; reading the new"
              + " file from its start (lines written to the old file after the stop are missed)",
          path);
    }
    rotations++;
    return 0;
  }

  private void follow(OpenLogFile file, long startAt) throws IOException {
    current = file;
    file.startAt(startAt);
    consumed = 0;
    switchRequested = false;
    lastSize = file.absoluteSize();
    lastGrowthNanos = System.nanoTime();
    sink.startFile(path.toString());
    following = true;
    if (switchedAway) {
      switchedAway = false;
      rotations++;
      log.info("{} was rotated; the old file is drained, reading the new one", path);
    }
    try {
      while (!closed && !switchRequested) {
        Tailer running =
            Tailer.builder()
                .setTailable(file)
                .setTailerListener(new Listener())
                .setDelayDuration(pollDelay)
                .setBufferSize(64 * 1024)
                .setCharset(StandardCharsets.ISO_8859_1)
                .setTailFromEnd(false)
                .setStartThread(false)
                .get();
        tailer = running;
        if (closed) {
          break;
        }
        running.run(); // returns when closed, on a switch or truncation, or after an error
        if (readAgainFromStart) {
          readAgainFromStart = false;
          file.truncated();
          consumed = 0;
          lastSize = file.absoluteSize();
          sink.startFile(path.toString());
        } else if (!closed && !switchRequested) {
          sleepQuietly(pollDelay.toMillis());
          file.startAt(file.base() + consumed); // go on from the last complete line
          consumed = 0;
        }
      }
      if (switchRequested) {
        deliverPartialRemainder(file);
        switchedAway = true; // counted once the new file is open
      }
    } finally {
      tailer = null;
      if (!switchRequested) {
        lastPosition = position(); // where a restart resumes
      }
      file.close();
      current = null;
      following = false;
    }
  }

  /** Called by the tailer each time it checks the file: decide about rotation here. */
  private void poll(OpenLogFile file) throws IOException {
    pollSink();
    Tailer running = tailer;
    if (closed) {
      if (running != null) {
        running.close();
      }
      return;
    }
    long size = file.absoluteSize();
    long now = System.nanoTime();
    if (size != lastSize) {
      lastSize = size;
      lastGrowthNanos = now;
    }
    if (readAgainFromStart) {
      return; // this tailer is stopping
    }
    if (size < file.base() + consumed || contentReplaced(file)) {
      truncated(file);
      if (running != null) {
        running.close();
      }
      return;
    }
    String key = FileIdentity.fileKey(path);
    if (key == null || key.equals(file.fileKey())) {
      return; // same file, or deleted and not recreated yet: keep draining the open one
    }
    long quiet = now - lastGrowthNanos;
    if (quiet >= QUIET_ALONE_NANOS || (quiet >= QUIET_WITH_NEW_LINES_NANOS && newFileHasLines())) {
      switchRequested = true;
      if (running != null) {
        running.close();
      }
    }
  }

  private boolean newFileHasLines() throws IOException {
    try {
      return Files.size(path) > 0;
    } catch (NoSuchFileException gone) {
      return false;
    }
  }

  private boolean contentReplaced(OpenLogFile file) throws IOException {
    String known = file.identity().fingerprint();
    return !known.isEmpty() && !known.equals(file.currentFingerprint());
  }

  /**
   * copytruncate: take what was not read yet from the copy, then stop this tailer; {@link #follow}
   * starts a new one at the log's start.
   */
  private void truncated(OpenLogFile file) throws IOException {
    long unreadFrom = file.base() + consumed;
    FileIdentity before = file.identity();
    Optional<Path> copy = RotatedFiles.find(path, before, unreadFrom);
    if (copy.isPresent()) {
      drain(copy.get(), unreadFrom);
    }
    rotations++;
    log.info(
        "{} was truncated (copytruncate){}; reading it from its start",
        path,
        copy.map(c -> ", the unread rest taken from " + c).orElse(""));
    file.freeze(consumed); // the stopping tailer reads nothing more; the next starts at 0
    readAgainFromStart = true;
  }

  private void drain(Path rotated, long offset) throws IOException {
    sink.startFile(rotated.toString());
    RotatedFiles.readFrom(rotated, offset, sink);
    lastLineMillis = System.currentTimeMillis();
  }

  /** A rotated file that ends without a newline: its last bytes still count, as a line. */
  private void deliverPartialRemainder(OpenLogFile file) throws IOException {
    long from = file.base() + consumed;
    long size = file.absoluteSize();
    if (size <= from) {
      return;
    }
    int length = (int) Math.min(size - from, LineReader.MAX_LINE_BYTES + 1L);
    ByteBuffer rest = ByteBuffer.allocate(length);
    file.read(rest, from);
    if (size - from > LineReader.MAX_LINE_BYTES) {
      sink.oversized();
    } else {
      sink.line(rest.array(), 0, rest.position());
    }
  }

  private void pollSink() {
    try {
      sink.poll();
    } catch (RuntimeException e) {
      logOnce("error in the watcher's periodic work: " + e);
    }
  }

  /** A repeated failure is logged once until it changes. */
  private void logOnce(String message) {
    if (!message.equals(lastError)) {
      log.error(message);
      lastError = message;
    }
  }

  private void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      if (!closed) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Turns the tailer's Strings back into the file's bytes and hands them on. */
  private final class Listener extends TailerListenerAdapter {
    @Override
    public void handle(String line) {
      byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
      if (consumed == 0 && current != null) {
        current.firstLineRead(bytes, bytes.length);
      }
      consumed += bytes.length + 1L;
      sawLine = true;
      try {
        if (bytes.length > LineReader.MAX_LINE_BYTES) {
          sink.oversized();
        } else {
          sink.line(bytes, 0, bytes.length);
        }
      } catch (RuntimeException e) {
        logOnce("error handling a line of " + path + ": " + e + "; skipping it");
      }
    }

    @Override
    public void endOfFileReached() {
      if (sawLine) {
        sawLine = false;
        lastLineMillis = System.currentTimeMillis();
      }
    }

    @Override
    public void handle(Exception e) {
      if (!(e instanceof InterruptedException) && !closed) {
        logOnce("error reading " + path + ": " + e + "; retrying");
      }
    }
  }
}
