package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.LineRef;
import dev.bluegreen.watcher.parse.Bytes;
import dev.bluegreen.watcher.parse.Malformed;
import java.nio.charset.StandardCharsets;

/**
 * The malformed lines read one after the other since the last line that parsed, with the first of
 * them (where, why, and its text) as the example a person needs to see that the log format is
 * wrong. Finding that text costs nothing per line: the block being parsed is searched only when a
 * run starts, from where the last search stopped. The reading thread only.
 */
public final class MalformedRun {
  /** At most this many characters of the example line are kept. */
  static final int EXAMPLE_CHARS = 300;

  private long length;
  private long parsed;
  private LineRef firstAt;
  private Malformed firstReason;
  private String firstText;

  // the block of lines being parsed: the line numbered cursorLine starts at cursorAt
  private byte[] block;
  private int blockEnd;
  private int cursorAt;
  private long cursorLine;

  /** Lines {@code firstLine, ...} are {@code bytes[from, to)}, until {@link #endBlock()}. */
  void block(byte[] bytes, int from, int to, long firstLine) {
    block = bytes;
    blockEnd = to;
    cursorAt = from;
    cursorLine = firstLine;
  }

  void endBlock() {
    block = null;
  }

  void parsed() {
    parsed++;
    length = 0;
  }

  void malformed(Malformed reason, LineRef at) {
    if (length++ > 0) {
      return;
    }
    firstAt = at;
    firstReason = reason;
    firstText = textOf(at.line());
  }

  /** The text of line {@code line} of the current block, or {@code null} if it is not there. */
  private String textOf(long line) {
    if (block == null || line < cursorLine) {
      return null;
    }
    while (cursorLine < line) {
      int newline = Bytes.indexOfNewline(block, cursorAt, blockEnd);
      if (newline < 0) {
        return null;
      }
      cursorAt = newline + 1;
      cursorLine++;
    }
    int end = Bytes.indexOfNewline(block, cursorAt, blockEnd);
    end = end < 0 ? blockEnd : end;
    String text =
        new String(
            block, cursorAt, Math.min(end - cursorAt, EXAMPLE_CHARS * 4), StandardCharsets.UTF_8);
    return text.length() > EXAMPLE_CHARS ? text.substring(0, EXAMPLE_CHARS) + "..." : text;
  }

  Run snapshot() {
    return new Run(length, parsed, firstAt, firstReason, firstText);
  }

  /**
   * The run as of now.
   *
   * @param length malformed lines since the last line that parsed
   * @param parsed lines that parsed since start
   * @param firstAt where the run started ({@code null} before the first malformed line)
   * @param firstReason why its first line did not parse
   * @param firstText its first line, or {@code null} when it could not be kept (oversized)
   */
  public record Run(
      long length, long parsed, LineRef firstAt, Malformed firstReason, String firstText) {}
}
