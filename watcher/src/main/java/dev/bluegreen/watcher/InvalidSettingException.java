package dev.bluegreen.watcher;

/** A setting with a value the watcher cannot use; the message is one line naming both. */
public final class InvalidSettingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidSettingException(String message) {
    super(message, null, false, false);
  }
}
