package dev.bluegreen.watcher.ops;

import java.io.Writer;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * A Writer whose lines become log events, so components that report through a PrintWriter (alert
 * delivery) log like the rest of the watcher: as JSON in containers, text on a terminal.
 */
public final class LogWriter extends Writer {
  private final Logger logger;
  private final StringBuilder line = new StringBuilder();

  public LogWriter(Logger logger) {
    this.logger = logger;
  }

  @Override
  public synchronized void write(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = chars[i];
      if (c == '\n') {
        emit();
      } else if (c != '\r') {
        line.append(c);
      }
    }
  }

  private void emit() {
    String text = line.toString();
    line.setLength(0);
    if (text.isBlank()) {
      return;
    }
    if (text.startsWith("watcher: ")) {
      text = text.substring("watcher: ".length());
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("fail")
        || lower.contains("reject")
        || lower.contains("gave up")
        || lower.contains("drop")
        || lower.contains("not configured")) {
      logger.warn(text);
    } else {
      logger.info(text);
    }
  }

  @Override
  public synchronized void flush() {}

  @Override
  public synchronized void close() {
    if (line.length() > 0) {
      emit();
    }
  }
}
