package dev.bluegreen.watcher.source;

/** Whether the followed log can be read now, and if not, why: each a different fix. */
public enum LogAccess {
  /** Open and read, or about to be. */
  READABLE,
  /** Nothing at the path. */
  MISSING,
  /** There, but opening it for reading was refused (permissions, or a write-only file). */
  UNREADABLE,
  /** There, but a directory, a FIFO, a socket or a device: nothing a log is written to. */
  NOT_REGULAR
}
