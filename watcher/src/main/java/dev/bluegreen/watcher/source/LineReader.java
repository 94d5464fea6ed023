package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.parse.Bytes;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding or copying them. {@code \n} ends a line, a
 * {@code \r} before it is dropped, and a last line without {@code \n} still counts. A line longer
 * than {@link #MAX_LINE_BYTES} is skipped whole and reported, so memory stays bounded.
 */
public final class LineReader {
  /** Longest line handed on; far above any real access-log line. */
  public static final int MAX_LINE_BYTES = 64 * 1024;

  private static final int BUFFER_BYTES = 1024 * 1024;

  private LineReader() {}

  /** Reads {@code in} to its end, handing every line to {@code sink}. */
  public static void read(InputStream in, LineSink sink) throws IOException {
    read(in, sink, () -> {});
  }

  /**
   * Reads {@code in} to its end, handing every line to {@code sink} and calling {@code afterRead}
   * after each read from the stream: a chance to report progress.
   */
  public static void read(InputStream in, LineSink sink, Runnable afterRead) throws IOException {
    byte[] buf = new byte[BUFFER_BYTES];
    LineSplitter splitter = new LineSplitter(sink);
    int start = 0;
    int end = 0;
    int n;
    while ((n = in.read(buf, end, buf.length - end)) != -1) {
      int scanFrom = end;
      end += n;
      start = splitter.split(buf, start, scanFrom, end);
      if (start == end) {
        start = 0;
        end = 0;
      } else if (end == buf.length) {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
      }
      afterRead.run();
    }
    splitter.end(buf, start, end);
  }

  /** Hands on the line that ends at {@code newline}, without a {@code \r} before it. */
  static void deliver(byte[] buf, int start, int newline, LineSink sink) {
    int stop = Bytes.lineStop(buf, start, newline);
    if (stop - start > MAX_LINE_BYTES) {
      sink.oversized();
    } else {
      sink.line(buf, start, stop - start);
    }
  }
}
