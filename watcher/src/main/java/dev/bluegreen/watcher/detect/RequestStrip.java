package dev.bluegreen.watcher.detect;

import dev.bluegreen.watcher.parse.AccessEvent;

/**
 * The window's requests as the status page draws them, oldest first, one {@link Cell} each: a ring
 * of WINDOW_SIZE bytes, O(1) per request, read only when the status is published. Pure.
 */
public final class RequestStrip {
  /** What one request was, the worst first: what a cell of the strip shows. */
  public enum Cell {
    /** the client got an error (5xx) */
    CLIENT_ERROR('e'),
    /** an upstream failed, Nginx retried the other pool: the client never saw it */
    HIDDEN_ERROR('h'),
    /** no error, but at or above LATENCY_P99_MS */
    SLOW('s'),
    OK('o');

    private final char code;

    Cell(char code) {
      this.code = code;
    }

    /** Its letter in {@link RequestStrip#encode()}. */
    public char code() {
      return code;
    }

    /** The cell of {@code event}, slow from {@code slowMillis} on. */
    public static Cell of(AccessEvent event, int slowMillis) {
      if (event.clientError()) {
        return CLIENT_ERROR;
      }
      if (event.hiddenError()) {
        return HIDDEN_ERROR;
      }
      return event.requestMillis() >= slowMillis ? SLOW : OK;
    }
  }

  private static final Cell[] CELLS = Cell.values();

  private final byte[] ring;
  private final int slowMillis;
  private int next;
  private int size;

  /** A strip of {@code capacity} cells; requests of {@code slowMillis} or more are slow. */
  public RequestStrip(int capacity, int slowMillis) {
    this.ring = new byte[capacity];
    this.slowMillis = slowMillis;
  }

  public void add(AccessEvent event) {
    ring[next] = (byte) Cell.of(event, slowMillis).ordinal();
    next = next + 1 == ring.length ? 0 : next + 1;
    size = Math.min(size + 1, ring.length);
  }

  /** The cells oldest first, one {@link Cell#code()} each, e.g. {@code "ooohes"}. */
  public String encode() {
    char[] out = new char[size];
    int first = size == ring.length ? next : 0;
    for (int k = 0; k < size; k++) {
      int at = first + k < ring.length ? first + k : first + k - ring.length;
      out[k] = CELLS[ring[at]].code();
    }
    return new String(out);
  }
}
