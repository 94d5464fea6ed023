package dev.bluegreen.watcher.parse;

/**
 * A line that does not fit the log format, with a reason a person can act on. Counted and skipped,
 * never fatal.
 */
public record Malformed(String reason) implements Parsed {

  static final Malformed INVALID_UTF8 = new Malformed("not valid UTF-8");
  static final Malformed EMPTY = new Malformed("empty line");
}
