package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.logging.LogOnce;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
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
 *       tailing goes on ({@link GuardedSink}); an unexpected error in the follower itself: logged,
 *       and the log reopened where reading stopped.
 * </ul>
 *
 * <p>Lines are handed to the {@link LineSink} on the follower's own thread, the only thread that
 * decides: {@link FollowedFile} reads them, {@link RotationCheck} decides whether the file was
 * rotated before a read that follows one that found nothing (while reads give lines, the file is
 * still written to, and each read's bytes are checked for a copytruncate), {@link Rotations} acts
 * on it. At every poll the sink gets the follower's {@link FollowerStatus}, with the position a
 * checkpoint saves.
 */
public final class LogFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LogFollower.class);

  /**
   * The follower's poll: new lines, rotations and controls wake it at once where the file system
   * sends change notifications ({@link ChangeSignal}). A quiet log is waited on for one poll where
   * notifications cannot be trusted, else for {@link QuietChecks#SAFETY_POLLS} polls (a safety
   * look); a time-based decision waiting (a flip settling, a held notice, a checkpoint; {@link
   * LineSink#nextPollWithinMillis}) or a rotated file's quiet time shortens the wait.
   */
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);

  /**
   * How long an idle follower waits between two looks at a quiet log whose notifications can be
   * trusted, at the default poll: its only wake-ups while nothing is due ({@link QuietChecks}).
   */
  public static final Duration SAFETY_LOOK = DEFAULT_POLL.multipliedBy(QuietChecks.SAFETY_POLLS);

  /** How often a busy log is read ({@link ReadPace}). */
  public static final Duration BUSY_POLL = Duration.ofMillis(25);

  /**
   * Bytes read at once: four of the longest line ({@link LineReader#MAX_LINE_BYTES}), which must
   * fit whole, and a backlog still goes to every core ({@code BlockParser}). Not more: the buffer
   * lives as long as the watcher, and FileChannel copies each read through a cached direct buffer
   * of the same size (1 MB took 2 MB of an idle watcher's RSS, issue 15).
   */
  static final int CHUNK_BYTES = 256 * 1024;

  /** Where to begin reading the log when the watcher starts. */
  public enum Start {
    END,
    BEGINNING
  }

  private final Path path;
  private final Duration pollDelay;
  private final Duration busyPoll;
  private final ChangeSignal changes;
  private final Timing timing;
  private final LogOnce errors = new LogOnce(log);
  private final LineSink sink; // guarded: a sink that throws costs one read, not the follower
  private final Thread thread;
  private volatile boolean closed;
  private volatile FollowerStatus status = FollowerStatus.STARTING;

  // state of the reading thread
  private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
  private final Rotations rotations;
  private final LogOpener opener;
  private final StartPoint startPoint;
  private FollowedFile current;
  private LogPosition lastPosition; // where reading stopped in the last file closed
  private boolean following;
  private long lastLineMillis;

  /**
   * @param resume where a previous run stopped, or {@code null} to begin at {@code start}
   * @param pollDelay the longest wait while the log is quiet
   * @param changes what ends a wait early: changes in the log's directory, {@link #wake()}
   * @param timing the clock for quiet periods and the time of the last line
   * @param sink receives the lines and the polls, on the follower's thread
   */
  public LogFollower(
      Path path,
      Start start,
      LogPosition resume,
      Duration pollDelay,
      ChangeSignal changes,
      Timing timing,
      LineSink sink) {
    this.path = path;
    this.pollDelay = pollDelay;
    this.busyPoll = pollDelay.compareTo(BUSY_POLL) < 0 ? pollDelay : BUSY_POLL;
    this.changes = changes;
    this.timing = timing;
    this.sink = new GuardedSink(sink, path, errors);
    this.rotations = new Rotations(path, this.sink, timing, () -> lastLineMillis = timing.millis());
    this.opener = new LogOpener(path);
    this.startPoint = new StartPoint(start, resume, rotations);
    this.thread = new Thread(this::run, "log-follower");
  }

  public void start() {
    thread.start();
  }

  /** Ends the reading thread's wait, if it waits, so that it polls its sink now; any thread. */
  public void wake() {
    changes.wake();
  }

  /** Stops reading; returns once the reading thread has stopped (or after 5 s). */
  @Override
  public void close() {
    closed = true;
    changes.close(); // ends a wait in progress
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

  private FollowerStatus publish() {
    LogPosition position = status.position(); // if the file's identity cannot be read now
    try {
      position = current == null ? lastPosition : current.position();
    } catch (IOException e) {
      errors.log(Level.ERROR, "error reading " + path + ": " + e + "; retrying");
    }
    status =
        new FollowerStatus(
            following,
            opener.waiting(),
            rotations.count(),
            lastLineMillis,
            position,
            opener.access(),
            opener.accessError());
    return status;
  }

  private void run() {
    changes.watch();
    boolean first = true;
    boolean failed = false;
    while (!closed) {
      try {
        OpenLogFile file = openWhenPresent();
        if (file == null) {
          break;
        }
        FollowedFile followed;
        long linesBefore;
        try {
          long startAt = startPoint.offset(file, first, opener.waitedForIt(), failed, lastPosition);
          followed = new FollowedFile(file, startAt, sink, chunk, timing.nanoTime());
          linesBefore = startPoint.linesBefore(file, startAt);
        } catch (IOException | RuntimeException e) {
          file.close();
          throw e;
        }
        first = false;
        failed = false;
        follow(followed, linesBefore);
      } catch (LogAccessException e) {
        errors.log(Level.ERROR, "cannot follow " + path + ": " + e.getMessage() + "; retrying");
        pollSink(); // the watcher is told at once, and keeps its controls and health going
        awaitChange(pollDelay); // as for a missing log: a chmod or a control ends the wait
      } catch (IOException | RuntimeException e) {
        failed = true;
        errors.log(Level.ERROR, "error following " + path + ": " + e + "; retrying");
        sleepQuietly(pollDelay.multipliedBy(4)); // a retry: not sooner for a change
      }
    }
    publish();
    log.debug("stopped following {}", path);
  }

  private OpenLogFile openWhenPresent() throws IOException {
    while (!closed) {
      OpenLogFile file = opener.open();
      if (file != null) {
        return file;
      }
      pollSink();
      awaitChange(pollDelay);
    }
    return null;
  }

  private void follow(FollowedFile file, long linesBefore) throws IOException {
    current = file;
    boolean switched = false;
    try {
      sink.startFile(path.toString(), linesBefore);
      following = true;
      rotations.followingNewFile();
      publish();
      ReadPace pace = new ReadPace();
      QuietChecks quiet = new QuietChecks(pollDelay, timing.nanoTime());
      boolean look = true;
      boolean checkFirst = true;
      while (!closed && !switched) {
        boolean idle = true;
        try {
          if (look) {
            // after a read that gave lines the file is still being written: a rotation is looked
            // for once a read finds nothing (each read's bytes are checked for a copytruncate)
            switched = checkFirst && rotations.check(file);
            idle = switched || file.readAvailable(() -> closed) == 0;
            checkFirst = idle;
          }
          if (!idle) {
            lastLineMillis = timing.millis();
          }
        } catch (IOException e) {
          checkFirst = true;
          errors.log(Level.ERROR, "error reading " + path + ": " + e + "; retrying");
        }
        pollSink();
        ReadPace.Next next = pace.after(!idle, file.moreLeft());
        look = true;
        if (!idle) {
          changes.pause(); // while lines come they are polled for, not announced one by one
        }
        if (next != ReadPace.Next.READ_ON && !closed && !switched) {
          switch (next) {
            case WATCH_THEN_POLL_SOON -> {
              changes.watch(); // before the next read: a line written after it wakes the wait
              sleepQuietly(soonerIfDue(busyPoll));
            }
            case POLL_SOON -> sleepQuietly(soonerIfDue(busyPoll));
            default -> {
              Duration wait =
                  quiet.waitFor(changes.trusted(), rotations.switchPending(), timing.nanoTime());
              boolean woken = awaitChange(soonerIfDue(rotations.nextCheckWithin(wait)));
              look =
                  quiet.lookAfterWait(
                      woken, changes.trusted(), rotations.switchPending(), timing.nanoTime());
            }
          }
        }
        if (look) {
          quiet.looked(timing.nanoTime());
        }
      }
    } finally {
      stopFollowing(file);
    }
  }

  private void stopFollowing(FollowedFile file) throws IOException {
    try {
      lastPosition = file.position(); // where a restart, or recovery from an error, resumes
    } finally {
      current = null;
      following = false;
      file.close();
      publish();
    }
  }

  private void pollSink() {
    sink.poll(publish());
  }

  /**
   * The wait, or less when the sink has a decision due sooner ({@link
   * LineSink#nextPollWithinMillis}).
   */
  private Duration soonerIfDue(Duration wait) {
    long due = sink.nextPollWithinMillis();
    return due < wait.toMillis() ? Duration.ofMillis(due) : wait;
  }

  /**
   * Until the log's directory changes, the follower is woken, or the poll delay passed; returns
   * whether it was not the delay that ended the wait.
   */
  private boolean awaitChange(Duration max) {
    try {
      return changes.await(max);
    } catch (InterruptedException e) {
      if (!closed) {
        Thread.currentThread().interrupt();
      }
      return true;
    }
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
