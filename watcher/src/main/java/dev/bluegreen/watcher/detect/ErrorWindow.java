package dev.bluegreen.watcher.detect;

/** The outcomes of the last N requests in a ring, with running counts: O(1) per request. */
final class ErrorWindow {
  private static final byte OK = 0;
  private static final byte CLIENT_ERROR = 1;
  private static final byte HIDDEN_ERROR = 2;

  private final byte[] ring;
  private int next;
  private int size;
  private int clientErrors;
  private int hiddenErrors;

  ErrorWindow(int capacity) {
    this.ring = new byte[capacity];
  }

  void add(boolean clientError, boolean hiddenError) {
    byte outcome = clientError ? CLIENT_ERROR : hiddenError ? HIDDEN_ERROR : OK;
    if (size == ring.length) {
      byte evicted = ring[next];
      if (evicted == CLIENT_ERROR) {
        clientErrors--;
      } else if (evicted == HIDDEN_ERROR) {
        hiddenErrors--;
      }
    } else {
      size++;
    }
    ring[next] = outcome;
    next = next + 1 == ring.length ? 0 : next + 1;
    if (outcome == CLIENT_ERROR) {
      clientErrors++;
    } else if (outcome == HIDDEN_ERROR) {
      hiddenErrors++;
    }
  }

  int size() {
    return size;
  }

  /** Whether the errors clients saw alone are more than {@code percent} of the window. */
  boolean clientErrorsAbove(double percent) {
    return clientErrors * 100.0 > percent * size;
  }

  int errors() {
    return clientErrors + hiddenErrors;
  }

  int clientErrors() {
    return clientErrors;
  }

  int hiddenErrors() {
    return hiddenErrors;
  }

  /** The outcomes oldest first, one character each: 0 ok, 1 client error, 2 hidden error. */
  String encode() {
    StringBuilder out = new StringBuilder(size);
    int first = size == ring.length ? next : 0;
    for (int k = 0; k < size; k++) {
      out.append((char) ('0' + ring[(first + k) % ring.length]));
    }
    return out.toString();
  }

  /** Refills the window from {@link #encode()}d text; keeps the newest if it no longer fits. */
  void restore(String encoded) {
    next = 0;
    size = 0;
    clientErrors = 0;
    hiddenErrors = 0;
    for (int k = Math.max(0, encoded.length() - ring.length); k < encoded.length(); k++) {
      char c = encoded.charAt(k);
      add(c == '1', c == '2');
    }
  }
}
