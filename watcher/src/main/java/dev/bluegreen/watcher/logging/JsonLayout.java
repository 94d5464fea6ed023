package dev.bluegreen.watcher.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.LayoutBase;
import dev.bluegreen.watcher.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per log line: timestamp, level, logger, message, and fields (SLF4J key-value
 * pairs and MDC). An exception is reduced to its class and message: no stack trace in the logs.
 */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent event) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
    line.put("level", event.getLevel().toString());
    line.put("logger", event.getLoggerName());
    line.put("message", event.getFormattedMessage());
    Map<String, Object> fields = new LinkedHashMap<>(event.getMDCPropertyMap());
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair pair : event.getKeyValuePairs()) {
        fields.put(pair.key, plain(pair.value));
      }
    }
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      fields.put("error", error.getClassName() + ": " + error.getMessage());
    }
    if (!fields.isEmpty()) {
      line.put("fields", fields);
    }
    try {
      return Json.text(line) + "\n";
    } catch (IOException e) {
      return "{\"level\":\"ERROR\",\"message\":\"unloggable event\"}\n";
    }
  }

  /** A key-value pair's value as JSON can hold it: text, number, boolean, or its text. */
  private static Object plain(Object value) {
    return value == null || value instanceof Number || value instanceof Boolean
        ? value
        : String.valueOf(value);
  }
}
