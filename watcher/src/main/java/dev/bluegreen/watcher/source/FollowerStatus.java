package dev.bluegreen.watcher.source;

/**
 * What a {@link LogFollower} is doing, as one snapshot: safe to read from any thread.
 *
 * @param following a log file is open and being followed (false while starting or waiting for it)
 * @param waitingForLog the log file is missing and being waited for
 * @param rotations rotations seen since start: renames, deletions and truncations
 * @param lastLineMillis wall-clock millis when the last line was read, 0 before the first
 * @param position how far the lines handed on reach, where a restart resumes; {@code null} before
 *     the first file was opened
 * @param access whether the log can be read now
 * @param accessError why not, in words (e.g. {@code permission denied}), or {@code null}
 */
public record FollowerStatus(
    boolean following,
    boolean waitingForLog,
    long rotations,
    long lastLineMillis,
    LogPosition position,
    LogAccess access,
    String accessError) {

  /** Before the follower started. */
  public static final FollowerStatus STARTING =
      new FollowerStatus(false, false, 0, 0, null, LogAccess.READABLE, null);
}
