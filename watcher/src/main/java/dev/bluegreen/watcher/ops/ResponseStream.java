package dev.bluegreen.watcher.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An open response body that any thread may write to without blocking (the status page's events):
 * each write is queued on the connection's selector thread, framed as one chunk, and {@code done}
 * is told once the socket took it. Either side may end it; {@link #onClose} is told why, once.
 */
final class ResponseStream {
  private final Connection connection;
  private final boolean chunked;
  private Consumer<Throwable> onClose; // guarded by this, as is the one below
  private Throwable closedBy;

  ResponseStream(Connection connection, boolean chunked) {
    this.connection = connection;
    this.chunked = chunked;
  }

  /** Writes {@code bytes} (one chunk); never blocks. */
  void write(ByteBuffer bytes, Written done) {
    ByteBuffer framed = chunked ? chunk(bytes) : bytes;
    connection.post(() -> connection.write(framed, done));
  }

  /** Ends the stream by closing its connection (an event stream has no other end). */
  void close(Throwable why) {
    connection.post(() -> connection.close(why));
  }

  /** Tells {@code listener} why the stream ended, at once if it already has. */
  void onClose(Consumer<Throwable> listener) {
    Throwable why;
    synchronized (this) {
      why = closedBy;
      if (why == null) {
        onClose = listener;
        return;
      }
    }
    listener.accept(why);
  }

  /** The connection closed. Selector thread. */
  void closed(Throwable why) {
    Consumer<Throwable> listener;
    synchronized (this) {
      if (closedBy != null) {
        return;
      }
      closedBy = why;
      listener = onClose;
    }
    if (listener != null) {
      listener.accept(why);
    }
  }

  /** {@code bytes} as one chunk of a chunked body: its length in hex, CRLF, the bytes, CRLF. */
  static ByteBuffer chunk(ByteBuffer bytes) {
    byte[] size =
        (Integer.toHexString(bytes.remaining()).toUpperCase(java.util.Locale.ROOT) + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    ByteBuffer framed = ByteBuffer.allocate(size.length + bytes.remaining() + 2);
    framed.put(size).put(bytes).put((byte) '\r').put((byte) '\n');
    return framed.flip();
  }
}
