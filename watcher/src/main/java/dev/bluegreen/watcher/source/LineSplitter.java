package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.parse.Bytes;

/**
 * Cuts what a reader reads into runs of complete lines for a {@link LineSink}, and skips a line
 * longer than {@link LineReader#MAX_LINE_BYTES} whole, however many reads it spans, so memory stays
 * bounded whatever the input. Replay and live following both read through one of these.
 */
final class LineSplitter {
  private final LineSink sink;
  private boolean skipping; // inside a line longer than MAX_LINE_BYTES

  LineSplitter(LineSink sink) {
    this.sink = sink;
  }

  /**
   * Hands on the complete lines of {@code buf[from, to)}, where {@code [from, scanFrom)} was
   * already searched for a newline and had none. Returns where the unread rest begins: the start of
   * an unfinished line, or {@code to} when there is none or it is being skipped.
   */
  int split(byte[] buf, int from, int scanFrom, int to) {
    int start = from;
    if (skipping) {
      int newline = Bytes.indexOfNewline(buf, scanFrom, to);
      if (newline < 0) {
        return to;
      }
      skipping = false;
      sink.oversized();
      start = newline + 1;
      scanFrom = start;
    }
    int last = Bytes.lastIndexOfNewline(buf, scanFrom, to);
    if (last >= 0) {
      sink.lines(buf, start, last + 1);
      start = last + 1;
    }
    // one byte more than the limit may be a \r that the \n still to come would drop
    if (to - start > LineReader.MAX_LINE_BYTES + 1) {
      skipping = true;
      return to;
    }
    return start;
  }

  /** The input ended, and {@code buf[from, to)} never got its newline: it is a last line. */
  void end(byte[] buf, int from, int to) {
    if (skipping) {
      skipping = false;
      sink.oversized();
    } else if (to > from) {
      LineReader.deliver(buf, from, to, sink);
    }
  }

  /** Whether the reader is inside a line too long to hand on. */
  boolean skipping() {
    return skipping;
  }

  /** Reading starts again elsewhere (a new or truncated file): no line is being skipped. */
  void reset() {
    skipping = false;
  }
}
