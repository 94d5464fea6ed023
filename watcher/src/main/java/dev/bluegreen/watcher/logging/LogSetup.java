package dev.bluegreen.watcher.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Points the watcher's own log at stderr, as JSON lines (containers) or readable text. */
public final class LogSetup {
  private LogSetup() {}

  public static void configure(boolean json) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend (tests may bring one): leave it alone
    }
    context.reset();
    install(context, json);
  }

  /**
   * Adds the stderr appender, in JSON lines or readable text, to a fresh context's root at INFO.
   */
  static void install(LoggerContext context, boolean json) {
    Layout<ILoggingEvent> layout = json ? new JsonLayout() : new TextLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    root.setLevel(Level.INFO);
  }
}
