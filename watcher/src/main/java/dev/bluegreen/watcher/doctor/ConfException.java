package dev.bluegreen.watcher.doctor;

/** nginx.conf could not be read: a file is missing or does not parse; the message says where. */
public final class ConfException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfException(String message) {
    super(message);
  }
}
