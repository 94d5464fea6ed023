package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.logging.LogOnce;
import dev.bluegreen.watcher.parse.Bytes;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Follows a live log: polls the open file and hands every complete line to the {@link LineSink}, in
 * bulk and without decoding, and covers the ways a log is rotated:
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
 *   <li>an exception from the pipeline (a bug): logged, the rest of that read is skipped, and
 *       tailing goes on.
 * </ul>
 *
 * <p>Lines are handed to the {@link LineSink} on the follower's own thread, the only thread that
 * decides. Each poll reads whatever the file gained, a megabyte at a time, and hands the complete
 * lines of each read on at once, as a slice of that buffer ({@link LineSink#lines}), so the sink
 * can parse a big read on every core. (This replaced Commons IO's {@code Tailer}, which copies each
 * byte through a stream and makes a String per line: it kept up with about 100,000 lines/s, ten
 * times short of what a burst of Nginx traffic needs.)
 */
public final class LogFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LogFollower.class);

  /** How often an idle file is polled; half of it is the average wait before a new line is read. */
  public static final Duration DEFAULT_POLL = Duration.ofMillis(25);

  /** After a rotation, switch to the new file once the old one was quiet this long... */
  private static final long QUIET_WITH_NEW_LINES_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** ...or this long when the new file has no line yet (Nginx may not have reopened). */
  private static final long QUIET_ALONE_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** Bytes read at once; a backlog goes back to the rotation checks after this many chunks. */
  private static final int CHUNK_BYTES = 1024 * 1024;

  private static final int CHUNKS_PER_POLL = 8;

  /** Where to begin reading the log when the watcher starts. */
  public enum Start {
    END,
    BEGINNING
  }

  private final Path path;
  private final Start start;
  private final LogPosition resume;
  private final Duration pollDelay;
  private final Timing timing;
  private final LogOnce errors = new LogOnce(log);
  private final LineSink sink; // guarded: a sink that throws costs one read, not the follower
  private final Thread thread;
  private volatile boolean closed;
  private volatile FollowerStatus status = FollowerStatus.STARTING;
  private long rotations;
  private long lastLineMillis;
  private boolean waiting;
  private boolean following;
  private boolean waitedForIt;

  // state of the reading thread
  private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
  private OpenLogFile current;
  private long consumed; // bytes of complete lines read from current.base()
  private final LineSplitter splitter;
  private boolean switchRequested;
  private long lastSize;
  private long lastGrowthNanos;
  private LogPosition lastPosition;
  private boolean switchedAway;

  /**
   * @param resume where a previous run stopped, or {@code null} to begin at {@code start}
   */
  public LogFollower(
      Path path,
      Start start,
      LogPosition resume,
      Duration pollDelay,
      Timing timing,
      LineSink sink) {
    this.path = path;
    this.start = start;
    this.resume = resume;
    this.pollDelay = pollDelay;
    this.timing = timing;
    this.sink = new GuardedSink(sink, path, errors);
    this.thread = new Thread(this::run, "log-follower");
    this.splitter = new LineSplitter(this.sink);
  }

  public void start() {
    thread.start();
  }

  /** Stops reading; returns once the reading thread has stopped (or after 5 s). */
  @Override
  public void close() {
    closed = true;
    // no interrupt: it would close the FileChannel mid-read; the thread stops within a poll
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The latest snapshot, from any thread: published at every poll and whenever following starts or
   * stops. Once {@link #close()} returned, its position is where a restart resumes.
   */
  public FollowerStatus status() {
    return status;
  }

  public Path path() {
    return path;
  }

  /** How far the reading thread has read; on that thread only. */
  private LogPosition position() throws IOException {
    OpenLogFile file = current;
    return file == null ? lastPosition : new LogPosition(file.identity(), file.base() + consumed);
  }

  /** Publishes the status as it is now; on the reading thread. */
  private FollowerStatus publish() {
    LogPosition position;
    try {
      position = position();
    } catch (IOException e) {
      errors.log(Level.ERROR, "error reading " + path + ": " + e + "; retrying");
      position = status.position();
    }
    status = new FollowerStatus(following, waiting, rotations, lastLineMillis, position);
    return status;
  }

  private void run() {
    boolean first = true;
    boolean failed = false;
    while (!closed) {
      try {
        OpenLogFile file = openWhenPresent();
        if (file == null) {
          break;
        }
        long startAt;
        if (first && !waitedForIt) {
          startAt = firstOffset(file);
        } else if (failed && !switchedAway && lastPosition != null) {
          startAt = resumeAt(file, lastPosition, "while following it failed");
        } else {
          startAt = 0; // the old file was drained, or the log appeared: the new one from its start
        }
        first = false;
        failed = false;
        follow(file, startAt);
      } catch (IOException | RuntimeException e) {
        failed = true;
        errors.log(Level.ERROR, "error following " + path + ": " + e + "; retrying");
        sleepQuietly(pollDelay.multipliedBy(4));
      }
    }
    publish();
    log.debug("stopped following {}", path);
  }

  private OpenLogFile openWhenPresent() throws IOException {
    while (!closed) {
      OpenLogFile file = OpenLogFile.open(path);
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
      sleepQuietly(pollDelay);
    }
    return null;
  }

  /** Where to start in the first file: at the end, the start, or where the last run stopped. */
  private long firstOffset(OpenLogFile file) throws IOException {
    if (resume == null) {
      return start == Start.BEGINNING ? 0 : file.lastLineEnd();
    }
    return resumeAt(file, resume, "while the watcher was stopped");
  }

  /**
   * Where to go on in {@code file} after lines were read up to {@code at}: there if it is the same
   * file; else the rest of the old file is read first, if it is found beside the log.
   */
  private long resumeAt(OpenLogFile file, LogPosition at, String when) throws IOException {
    FileIdentity now = file.identity();
    boolean sameFile =
        now.fileKey().equals(at.identity().fileKey())
            && (at.identity().fingerprint().isEmpty() || now.sameFileAs(at.identity()));
    if (sameFile && file.absoluteSize() >= at.offset()) {
      log.info("resuming {} at byte {}", path, at.offset());
      return file.lineStartAtOrAfter(at.offset());
    }
    Optional<Path> rotated = RotatedFiles.find(path, at.identity(), at.offset());
    if (rotated.isPresent()) {
      log.info("{} was rotated {}; reading the rest of {} first", path, when, rotated.get());
      drain(rotated.get(), at.offset());
    } else {
      log.warn(
          "{} was rotated {} and the old file is gone; reading the new file from its start (lines"
              + " written to the old file since are missed)",
          path,
          when);
    }
    rotations++;
    return 0;
  }

  private void follow(OpenLogFile file, long startAt) throws IOException {
    current = file;
    file.startAt(startAt);
    consumed = 0;
    splitter.reset();
    switchRequested = false;
    lastSize = file.absoluteSize();
    lastGrowthNanos = timing.nanoTime();
    sink.startFile(path.toString());
    following = true;
    if (switchedAway) {
      switchedAway = false;
      rotations++;
      log.info("{} was rotated; the old file is drained, reading the new one", path);
    }
    publish();
    try {
      while (!closed && !switchRequested) {
        boolean idle;
        try {
          checkRotation(file);
          idle = switchRequested || readAvailable(file) == 0;
        } catch (IOException e) {
          errors.log(Level.ERROR, "error reading " + path + ": " + e + "; retrying");
          idle = true;
        }
        pollSink();
        if (idle && !closed && !switchRequested) {
          sleepQuietly(pollDelay);
        }
      }
      if (switchRequested) {
        deliverPartialRemainder(file);
        switchedAway = true; // counted once the new file is open
      }
    } finally {
      lastPosition = position(); // where a restart, or recovery from an error, resumes
      file.close();
      current = null;
      following = false;
      publish();
    }
  }

  /**
   * Reads the complete lines the file gained, up to {@link #CHUNKS_PER_POLL} chunks, and hands them
   * to the sink. A partial last line is left for a later poll. Returns the bytes consumed.
   */
  private long readAvailable(OpenLogFile file) throws IOException {
    long before = consumed;
    for (int n = 0; n < CHUNKS_PER_POLL && !closed; n++) {
      long from = file.base() + consumed;
      chunk.clear();
      int read = file.read(chunk, from);
      if (read <= 0) {
        break;
      }
      byte[] bytes = chunk.array();
      if (consumed == 0 && !splitter.skipping()) {
        int newline = Bytes.indexOfNewline(bytes, 0, read);
        if (newline >= 0) {
          file.firstLineRead(bytes, newline);
        }
      }
      int rest = splitter.split(bytes, 0, 0, read);
      consumed += rest;
      if (rest == read && splitter.skipping()) {
        continue; // inside a line too long to hand on: read past it
      }
      if (read < chunk.capacity()) {
        break; // the end of what was written, or a partial line waiting for its newline
      }
    }
    if (consumed != before) {
      lastLineMillis = timing.millis();
    }
    return consumed - before;
  }

  /** Decides, before each read, whether the file was truncated or replaced by a new one. */
  private void checkRotation(OpenLogFile file) throws IOException {
    long size = file.absoluteSize();
    long now = timing.nanoTime();
    if (size != lastSize) {
      lastSize = size;
      lastGrowthNanos = now;
    }
    if (size < file.base() + consumed || contentReplaced(file)) {
      truncated(file);
      return;
    }
    String key = FileIdentity.fileKey(path);
    if (key == null || key.equals(file.fileKey())) {
      return; // same file, or deleted and not recreated yet: keep draining the open one
    }
    long quiet = now - lastGrowthNanos;
    if (quiet >= QUIET_ALONE_NANOS || (quiet >= QUIET_WITH_NEW_LINES_NANOS && newFileHasLines())) {
      switchRequested = true;
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

  /** copytruncate: take what was not read yet from the copy; {@link #follow} goes on from 0. */
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
    file.truncated();
    consumed = 0;
    splitter.reset();
    lastSize = file.absoluteSize();
    sink.startFile(path.toString());
  }

  private void drain(Path rotated, long offset) throws IOException {
    sink.startFile(rotated.toString());
    RotatedFiles.readFrom(rotated, offset, sink);
    lastLineMillis = timing.millis();
  }

  /** A rotated file that ends without a newline: its last bytes still count, as a line. */
  private void deliverPartialRemainder(OpenLogFile file) throws IOException {
    long from = file.base() + consumed;
    long size = file.absoluteSize();
    if (splitter.skipping()) {
      sink.oversized(); // its first bytes were read and passed over
    } else if (size > from) {
      int length = (int) Math.min(size - from, LineReader.MAX_LINE_BYTES + 1L);
      ByteBuffer rest = ByteBuffer.allocate(length);
      file.read(rest, from);
      if (size - from > LineReader.MAX_LINE_BYTES) {
        sink.oversized();
      } else {
        sink.line(rest.array(), 0, rest.position());
      }
    }
    consumed = Math.max(consumed, size - file.base()); // the whole file is handed on
  }

  private void pollSink() {
    sink.poll(publish());
  }

  private void sleepQuietly(Duration delay) {
    try {
      timing.sleep(delay.toNanos());
    } catch (InterruptedException e) {
      if (!closed) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
