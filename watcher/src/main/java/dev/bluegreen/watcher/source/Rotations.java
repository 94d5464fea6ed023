package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the follower does about rotations, on its thread: acts on {@link RotationCheck}'s verdict
 * before a read that follows one that found nothing, takes the unread rest of a rotated file from
 * beside the log, counts the rotations and says each once.
 */
final class Rotations {
  // the follower's logger: what following the log says reads as one story, under one name
  private static final Logger log = LoggerFactory.getLogger(LogFollower.class);

  private final Path path;
  private final LineSink sink;
  private final Timing timing;
  private final Runnable linesRead;
  private long count;
  private boolean leftOldFile; // the last file was drained and left; the new one not opened yet
  private boolean switchPending; // the path names a new file; the old one is not quiet enough yet

  /**
   * @param linesRead told when lines were read from a rotated file
   */
  Rotations(Path path, LineSink sink, Timing timing, Runnable linesRead) {
    this.path = path;
    this.sink = sink;
    this.timing = timing;
    this.linesRead = linesRead;
  }

  /** Rotations seen since start: renames, deletions and truncations. */
  long count() {
    return count;
  }

  /** Whether the last file was left for a new one (to be read from its start). */
  boolean leftOldFile() {
    return leftOldFile;
  }

  /**
   * Acts on the rotation check before a read of {@code file}; returns whether it was left for the
   * new file the path names.
   */
  boolean check(FollowedFile file) throws IOException {
    RotationCheck.Facts facts = file.facts(path, timing.nanoTime());
    RotationCheck.Verdict verdict = RotationCheck.decide(facts);
    switchPending =
        verdict == RotationCheck.Verdict.KEEP_READING
            && facts.pathFileKey() != null
            && !facts.pathFileKey().equals(facts.openFileKey());
    switch (verdict) {
      case TRUNCATED -> truncated(file);
      case SWITCH_TO_NEW_FILE -> {
        file.handOnPartialRemainder();
        leftOldFile = true; // counted once the new file is open
        return true;
      }
      case KEEP_READING -> {}
    }
    return false;
  }

  /** copytruncate: take what was not read yet from the copy, then read the log from its start. */
  private void truncated(FollowedFile file) throws IOException {
    Optional<Path> copy = RotatedFiles.readRest(path, file.position(), sink);
    if (copy.isPresent()) {
      linesRead.run();
    }
    count++;
    log.info(
        "{} was truncated (copytruncate){}; reading it from its start",
        path,
        copy.map(c -> ", the unread rest taken from " + c).orElse(""));
    file.readFromStart();
    sink.startFile(path.toString(), 0);
  }

  /**
   * The longest the follower may wait before the next check: the switch to a new file is decided by
   * the old one's quiet time, which no change notification announces.
   */
  Duration nextCheckWithin(Duration poll) {
    Duration quiet = Duration.ofNanos(RotationCheck.QUIET_WITH_NEW_LINES_NANOS);
    return switchPending && quiet.compareTo(poll) < 0 ? quiet : poll;
  }

  /** Whether the path names a new file and the old one is not left yet (not quiet enough). */
  boolean switchPending() {
    return switchPending;
  }

  /** The file the path names now is open, to be followed. */
  void followingNewFile() {
    if (leftOldFile) {
      leftOldFile = false;
      count++;
      log.info("{} was rotated; the old file is drained, reading the new one", path);
    }
  }

  /**
   * Where to go on in {@code file}, just opened, after lines were read up to {@code at}: there if
   * it is the same file; else at its start, once the rest of the old file was read if it is found.
   *
   * @param when when the log was rotated, for the message
   */
  long resumeAt(OpenLogFile file, LogPosition at, String when) throws IOException {
    if (file.continues(at)) {
      log.info("resuming {} at byte {}", path, at.offset());
      return file.lineStartAtOrAfter(at.offset());
    }
    Optional<Path> rotated = RotatedFiles.readRest(path, at, sink);
    if (rotated.isPresent()) {
      linesRead.run();
      log.info("{} was rotated {}; reading the rest of {} first", path, when, rotated.get());
    } else {
      log.warn(
          "{} was rotated {} and the old file is gone; reading the new file from its start (lines"
              + " written to the old file since are missed)",
          path,
          when);
    }
    count++;
    return 0;
  }
}
