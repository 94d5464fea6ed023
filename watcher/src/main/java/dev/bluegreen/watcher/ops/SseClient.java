package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.time.Timing;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One open event stream: at most one write in flight and one event waiting (a newer event replaces
 * it: each is a full snapshot), never a blocking write. Dropped when a write fails or is stuck.
 */
final class SseClient {
  /** Writes bytes to the client without blocking; {@code done} is told when they are written. */
  @FunctionalInterface
  interface Write {
    void write(ByteBuffer bytes, Written done);
  }

  private final Write out;
  private final Consumer<Throwable> end;
  private final Timing timing;
  private final Consumer<SseClient> removed;
  private boolean writing; // guarded by this, as are the three below
  private long writingSince;
  private byte[] waiting;
  private boolean dropped;

  /**
   * @param end ends the client's stream (closes its connection), told once when it is dropped
   * @param removed told once when the client is dropped
   */
  SseClient(Write out, Consumer<Throwable> end, Timing timing, Consumer<SseClient> removed) {
    this.out = out;
    this.end = end;
    this.timing = timing;
    this.removed = removed;
  }

  /** Writes {@code event} now, or after the write in flight (replacing one already waiting). */
  void send(byte[] event) {
    synchronized (this) {
      if (dropped) {
        return;
      }
      if (writing) {
        waiting = event;
        return;
      }
      writing = true;
      writingSince = timing.nanoTime();
    }
    write(event);
  }

  /**
   * Sends {@code comment} if nothing is being written; drops the client if a write has been in
   * flight for {@code stuckAfter} or longer: it stopped reading.
   */
  void heartbeat(byte[] comment, Duration stuckAfter) {
    long stuckSince = timing.nanoTime() - stuckAfter.toNanos();
    boolean stuck;
    synchronized (this) {
      if (dropped) {
        return;
      }
      stuck = writing && writingSince - stuckSince <= 0;
      if (writing && !stuck) {
        return; // the write in flight keeps the stream alive
      }
      if (stuck) {
        dropped = true;
        waiting = null;
      }
    }
    if (stuck) {
      end(new TimeoutException("a status page client stopped reading"));
    } else {
      send(comment);
    }
  }

  private void write(byte[] event) {
    out.write(
        ByteBuffer.wrap(event),
        new Written() {
          @Override
          public void succeeded() {
            written();
          }

          @Override
          public void failed(Throwable why) {
            drop(why);
          }
        });
  }

  private void written() {
    byte[] next;
    synchronized (this) {
      next = waiting;
      waiting = null;
      if (next == null || dropped) {
        writing = false;
        return;
      }
      writingSince = timing.nanoTime();
    }
    write(next);
  }

  /** The client went away or failed: forget it and end its response. */
  void drop(Throwable why) {
    synchronized (this) {
      if (dropped) {
        return;
      }
      dropped = true;
      waiting = null;
    }
    end(why);
  }

  private void end(Throwable why) {
    removed.accept(this);
    end.accept(why);
  }
}
