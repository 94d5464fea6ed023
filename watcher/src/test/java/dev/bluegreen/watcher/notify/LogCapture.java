package dev.bluegreen.watcher.notify;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Everything the watcher logs during a test, caught by a real logback appender on the root logger
 * (register it with {@code @RegisterExtension}): each event as one {@code LEVEL message} line, an
 * exception's class and message included, so a test can grep all of it.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {
  private final List<String> lines = new ArrayList<>();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          String line = event.getLevel() + " " + event.getFormattedMessage();
          IThrowableProxy error = event.getThrowableProxy();
          if (error != null) {
            line += " " + error.getClassName() + ": " + error.getMessage();
          }
          synchronized (lines) {
            lines.add(line);
          }
        }
      };

  @Override
  public void beforeEach(ExtensionContext context) {
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    appender.setContext(logback);
    appender.start();
    root().addAppender(appender);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    root().detachAppender(appender);
    appender.stop();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** The lines so far, in order. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** The lines so far, one per line of text. */
  public String text() {
    return String.join("\n", lines()) + (lines().isEmpty() ? "" : "\n");
  }
}
