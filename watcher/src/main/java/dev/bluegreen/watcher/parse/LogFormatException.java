package dev.bluegreen.watcher.parse;

/** A log_format the watcher cannot read, with a message that says what to fix. */
public final class LogFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public LogFormatException(String message) {
    super(message);
  }
}
