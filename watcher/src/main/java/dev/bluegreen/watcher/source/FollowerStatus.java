package dev.bluegreen.watcher.source;

import java.util.Objects;

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

  // Written out, with the same meaning as the generated ones: those run through method handles,
  // which the interpreter runs slowly, and the watcher compares its status at every poll (a third
  // of an idle poll's CPU until the JIT compiles them, minutes after start).
  @Override
  public boolean equals(Object other) {
    return other instanceof FollowerStatus that
        && following == that.following
        && waitingForLog == that.waitingForLog
        && rotations == that.rotations
        && lastLineMillis == that.lastLineMillis
        && Objects.equals(position, that.position)
        && access == that.access
        && Objects.equals(accessError, that.accessError);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        following, waitingForLog, rotations, lastLineMillis, position, access, accessError);
  }
}
