package dev.bluegreen.watcher.ops;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * What a connection has still to write, in order, each with whom to tell once it is written;
 * written without blocking as far as the socket takes it. The selector thread's alone.
 */
final class Outbox {
  private record Outgoing(ByteBuffer bytes, Written done) {}

  private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();

  /** Queues {@code bytes}; {@code done} (may be null) is told when they are written or failed. */
  void add(ByteBuffer bytes, Written done) {
    queue.add(new Outgoing(bytes, done));
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** Writes what the socket takes now; the bytes written (the socket may take none). */
  long writeTo(SocketChannel channel) throws IOException {
    long written = 0;
    while (!queue.isEmpty()) {
      Outgoing next = queue.peek();
      written += channel.write(next.bytes());
      if (next.bytes().hasRemaining()) {
        return written; // the socket is full: the rest when it is writable
      }
      queue.poll();
      if (next.done() != null) {
        next.done().succeeded();
      }
    }
    return written;
  }

  /** Drops everything still queued, telling each write that it failed. */
  void fail(IOException why) {
    for (Outgoing pending : queue) {
      if (pending.done() != null) {
        pending.done().failed(why);
      }
    }
    queue.clear();
  }
}
