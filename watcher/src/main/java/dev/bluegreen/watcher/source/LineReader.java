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

  /** Receives lines on the reading thread. */
  public interface Handler {
    /** One line, without its terminator; the bytes are only valid during the call. */
    void line(byte[] bytes, int offset, int length);

    /** A line longer than {@link #MAX_LINE_BYTES} was skipped. */
    void oversized();

    /**
     * Complete lines, each ending in {@code \n}: {@code bytes[from, to)}, valid only during the
     * call. By default each is handed to {@link #line} (or {@link #oversized}); a handler that can
     * do better with many lines at once (parse them on several cores) overrides this.
     */
    default void lines(byte[] bytes, int from, int to) {
      int start = from;
      for (int i = Bytes.indexOfNewline(bytes, start, to);
          i >= 0;
          i = Bytes.indexOfNewline(bytes, start, to)) {
        deliver(bytes, start, i, this);
        start = i + 1;
      }
    }

    /** Called after each read from the stream: a chance to report progress. */
    default void afterRead() {}
  }

  private LineReader() {}

  /** Reads {@code in} to its end, handing every line to {@code handler}. */
  public static void read(InputStream in, Handler handler) throws IOException {
    byte[] buf = new byte[BUFFER_BYTES];
    LineSplitter splitter = new LineSplitter(handler);
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
      handler.afterRead();
    }
    splitter.end(buf, start, end);
  }

  /** Hands on the line that ends at {@code newline}, without a {@code \r} before it. */
  static void deliver(byte[] buf, int start, int newline, Handler handler) {
    int stop = newline > start && buf[newline - 1] == '\r' ? newline - 1 : newline;
    if (stop - start > MAX_LINE_BYTES) {
      handler.oversized();
    } else {
      handler.line(buf, start, stop - start);
    }
  }
}
