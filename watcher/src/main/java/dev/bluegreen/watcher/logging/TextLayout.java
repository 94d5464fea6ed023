package dev.bluegreen.watcher.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One readable line per event: local time, level, the logger's simple name and the message, then
 * the stack trace of an exception if there is one. Written by hand rather than with logback's
 * PatternLayout, whose pattern compiler loads about a hundred classes for this one line.
 */
public final class TextLayout extends LayoutBase<ILoggingEvent> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(128);
    TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
    String level = event.getLevel().toString();
    line.append(' ').append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
    String logger = event.getLoggerName();
    line.append(logger, logger.lastIndexOf('.') + 1, logger.length());
    line.append(" - ").append(event.getFormattedMessage()).append('\n');
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      line.append(ThrowableProxyUtil.asString(error)).append('\n');
    }
    return line.toString();
  }
}
