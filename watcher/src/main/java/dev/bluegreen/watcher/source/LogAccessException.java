package dev.bluegreen.watcher.source;

import java.io.IOException;

/** The log is there but cannot be followed: {@link #access()} says why, the message in words. */
final class LogAccessException extends IOException {
  private final LogAccess access;

  LogAccessException(LogAccess access, String message) {
    super(message);
    this.access = access;
  }

  LogAccess access() {
    return access;
  }
}
