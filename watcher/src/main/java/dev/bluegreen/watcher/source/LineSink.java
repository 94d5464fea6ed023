package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.parse.Bytes;

/**
 * Where a reader hands the lines it reads, on the reader's own thread, without decoding them:
 * replay and live following feed the same kind of sink. (Not an alert destination: those are {@code
 * notify}'s sinks.)
 */
public interface LineSink {
  /** One line, without its terminator; the bytes are only valid during the call. */
  void line(byte[] bytes, int offset, int length);

  /** A line longer than {@link LineReader#MAX_LINE_BYTES} was skipped. */
  void oversized();

  /**
   * Complete lines, each ending in {@code \n}: {@code bytes[from, to)}, valid only during the call.
   * By default each is handed to {@link #line} (or {@link #oversized}); a sink that can do better
   * with many lines at once (parse them on several cores) overrides this.
   */
  default void lines(byte[] bytes, int from, int to) {
    int start = from;
    for (int i = Bytes.indexOfNewline(bytes, start, to);
        i >= 0;
        i = Bytes.indexOfNewline(bytes, start, to)) {
      LineReader.deliver(bytes, start, i, this);
      start = i + 1;
    }
  }

  /** Lines that follow come from the file {@code name}, numbered from 1. */
  default void startFile(String name) {}

  /** For {@link #startFile(String, long)}: the lines go on the numbering of the file read last. */
  long CONTINUES = -1;

  /**
   * Lines that follow come from the file {@code name}, numbered from {@code linesBefore + 1}: the
   * reading starts after that many lines (at the end of an existing log, or where a previous run
   * stopped); {@link #CONTINUES}: the file is the one read last (its rest, found renamed or copied
   * beside the log), numbered on.
   */
  default void startFile(String name, long linesBefore) {
    startFile(name);
  }

  /**
   * Live following only: called at every poll (a few dozen times a second while the log is busy,
   * once per safety look while it is idle), for ticks, controls and checkpoints, with the
   * follower's state as of now, including how far the lines handed on reach. Nothing needs to call
   * back into the follower.
   */
  default void poll(FollowerStatus status) {}

  /**
   * Live following only, asked after each {@link #poll}: within how many milliseconds the sink has
   * a decision due (a failover waiting for its evidence; a flip settling, within a poll), so the
   * follower reads and polls again by then; {@link Long#MAX_VALUE} when nothing is due, and a quiet
   * log is waited on until the follower's next safety look ({@link QuietChecks}).
   */
  default long nextPollWithinMillis() {
    return Long.MAX_VALUE;
  }
}
