package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.ops.RequestParser.Complete;
import dev.bluegreen.watcher.ops.RequestParser.Parsed;
import dev.bluegreen.watcher.ops.RequestParser.Refused;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection, driven by the selector thread alone (other threads reach it through {@link
 * Server#post}): it reads a request's head and body into one fixed buffer, never more than the head
 * limit; hands the request to a handler thread and reads nothing more meanwhile; writes the answer
 * without blocking, then serves the next request (pipelined bytes wait in the buffer); or, for an
 * event stream, writes what the stream is given until either side closes it.
 */
final class Connection {
  /** What the connection waits for. */
  enum State {
    /** The client's next request, or the rest of one (its deadline: silence). */
    READING,
    /** A handler thread's answer (no deadline: a control waits for the reading thread). */
    HANDLING,
    /** The client taking the answer (its deadline: no progress). */
    WRITING,
    /** An open event stream (its deadline: no progress for the stream's idle time). */
    STREAMING,
    CLOSED
  }

  /** What a connection needs from the server it belongs to. */
  interface Server {
    /** Runs {@code exchange}'s handler on a handler thread. */
    void dispatch(Exchange exchange);

    /** Runs {@code task} on the selector thread, soon. */
    void post(Runnable task);

    /** The connection closed. */
    void closed(Connection connection);

    /** The monotonic clock, in nanoseconds. */
    long nanoTime();

    /** The wall clock, in epoch milliseconds (for Date). */
    long millis();
  }

  private static final int OP_READ = SelectionKey.OP_READ;

  private final SocketChannel channel;
  private final SelectionKey key;
  private final Server server;
  private final InetSocketAddress remote;
  private final byte[] in = new byte[BoundedHttp.MAX_HEADER_BYTES];
  private final Outbox out = new Outbox();
  private int filled;
  private Request receiving; // its head is read, its body (bodyLeft bytes) is being skipped
  private long bodyLeft;
  private State state = State.READING;
  private boolean closeWhenWritten;
  private long lastProgress;
  private long streamIdleNanos;
  private ResponseStream stream;

  Connection(SocketChannel channel, SelectionKey key, Server server) throws IOException {
    this.channel = channel;
    this.key = key;
    this.server = server;
    this.remote = (InetSocketAddress) channel.getRemoteAddress();
    this.lastProgress = server.nanoTime();
  }

  /** When the connection last moved bytes (or opened), on the monotonic clock. */
  long lastProgress() {
    return lastProgress;
  }

  /** How long it may stay silent in its state, in nanoseconds; -1: as long as it takes. */
  long timeoutNanos(boolean serverFull) {
    return switch (state) {
      case READING ->
          (serverFull ? BoundedHttp.READ_TIMEOUT_WHEN_FULL : BoundedHttp.READ_TIMEOUT).toNanos();
      case WRITING -> BoundedHttp.READ_TIMEOUT.toNanos();
      case STREAMING -> streamIdleNanos;
      case HANDLING, CLOSED -> -1;
    };
  }

  /** The socket has bytes (or the client left). */
  void readable() {
    try {
      if (state == State.STREAMING) {
        // what a stream's client sends is no request: read it only to see it leave
        if (channel.read(ByteBuffer.wrap(in)) < 0) {
          close(new IOException("the client closed the stream"));
        }
        return;
      }
      int read = channel.read(ByteBuffer.wrap(in, filled, in.length - filled));
      if (read < 0) {
        close(null);
        return;
      }
      filled += read;
      lastProgress = server.nanoTime();
      advance();
    } catch (IOException e) {
      close(e);
    }
  }

  /** The socket takes bytes again. */
  void writable() {
    flush();
  }

  /** Parses what was read: skips a body, dispatches a whole request, or refuses a bad one. */
  private void advance() {
    while (state == State.READING) {
      if (receiving != null) {
        int skip = (int) Math.min(bodyLeft, filled);
        consume(skip);
        bodyLeft -= skip;
        if (bodyLeft > 0) {
          return;
        }
        Request request = receiving;
        receiving = null;
        state = State.HANDLING;
        key.interestOps(0); // pipelined requests wait, in order, in the buffer and the kernel
        server.dispatch(new Exchange(this, request, remote));
        return;
      }
      Parsed parsed = RequestParser.parse(in, 0, filled, in.length);
      if (parsed instanceof Refused refused) {
        Response answer = Response.error(refused.status(), refused.reason());
        send(Exchange.head(answer, "close", server.millis()), answer.body(), true);
        return;
      }
      if (!(parsed instanceof Complete complete)) {
        return; // more to read
      }
      consume(complete.headBytes());
      receiving = complete.request();
      bodyLeft = complete.bodyBytes();
      if (bodyLeft > 0 && receiving.expectsContinue()) {
        queue(ByteBuffer.wrap(ResponseHead.CONTINUE), null);
        flush();
      }
    }
  }

  private void consume(int count) {
    System.arraycopy(in, count, in, 0, filled - count);
    filled -= count;
  }

  /** The wall clock, in epoch milliseconds. */
  long millis() {
    return server.millis();
  }

  /** Runs {@code task} on the selector thread. */
  void post(Runnable task) {
    server.post(task);
  }

  /** Writes a whole answer, then reads the next request or closes. Selector thread. */
  void send(byte[] head, byte[] body, boolean close) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.WRITING;
    closeWhenWritten = close;
    key.interestOps(0);
    queue(ByteBuffer.wrap(head), null);
    if (body.length > 0) {
      queue(ByteBuffer.wrap(body), null);
    }
    flush();
  }

  /** Writes an event stream's head; the stream writes the rest. Selector thread. */
  void startStream(byte[] head, ResponseStream opened, long idleNanos) {
    if (state == State.CLOSED) {
      opened.closed(new IOException("the client left before its stream opened"));
      return;
    }
    state = State.STREAMING;
    stream = opened;
    streamIdleNanos = idleNanos;
    queue(ByteBuffer.wrap(head), null);
    flush();
  }

  /** Queues bytes of the stream; {@code done} is told when written or failed. Selector thread. */
  void write(ByteBuffer bytes, Written done) {
    if (state == State.CLOSED) {
      done.failed(new IOException("the connection is closed"));
      return;
    }
    queue(bytes, done);
    flush();
  }

  private void queue(ByteBuffer bytes, Written done) {
    out.add(bytes, done);
  }

  private void flush() {
    try {
      if (out.writeTo(channel) > 0) {
        lastProgress = server.nanoTime();
      }
    } catch (IOException e) {
      close(e);
      return;
    }
    if (!out.isEmpty()) {
      key.interestOps(SelectionKey.OP_WRITE | (state == State.STREAMING ? OP_READ : 0));
      return;
    }
    if (state == State.WRITING && closeWhenWritten) {
      close(null);
      return;
    }
    key.interestOps(OP_READ); // the next request, the end of a stream, or a body after 100
    if (state == State.WRITING) {
      state = State.READING;
      advance(); // a pipelined request may be waiting in the buffer
    }
  }

  /** Closes the socket; what waited to be written fails, an open stream is told. */
  void close(Throwable why) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    key.cancel();
    try {
      channel.close();
    } catch (IOException ignored) {
      // closed either way
    }
    IOException closed = new IOException("the connection closed", why);
    out.fail(closed);
    if (stream != null) {
      stream.closed(why == null ? closed : why);
    }
    server.closed(this);
  }
}
