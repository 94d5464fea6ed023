package dev.bluegreen.watcher.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.TestJson;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

class JsonLayoutTest {

  @Test
  void eachEventIsOneJsonLineWithTheDocumentedFieldsAndNoStackTrace() throws IOException {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger logger = context.getLogger("dev.bluegreen.watcher.LiveWatcher");
    LoggingEvent event =
        new LoggingEvent(
            "fqcn",
            logger,
            Level.WARN,
            "cannot write {}",
            new IllegalStateException("disk full"),
            new Object[] {"state.json"});
    event.addKeyValuePair(new KeyValuePair("file", "state.json"));
    JsonLayout layout = new JsonLayout();
    layout.setContext(context);

    String line = layout.doLayout(event);

    assertThat(line).endsWith("\n").doesNotContain("\tat ");
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode json = TestJson.MAPPER.readTree(line);
    assertThat(json.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("logger").asText()).isEqualTo("dev.bluegreen.watcher.LiveWatcher");
    assertThat(json.get("message").asText()).isEqualTo("cannot write state.json");
    assertThat(json.get("fields").get("file").asText()).isEqualTo("state.json");
    assertThat(json.get("fields").get("error").asText())
        .isEqualTo("java.lang.IllegalStateException: disk full");
  }

  @Test
  void messagesAreEscapedOnOneLineAndValuesOfAnyTypeKept() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LoggingEvent event =
        new LoggingEvent(
            "fqcn",
            context.getLogger("w"),
            Level.INFO,
            "a \"b\"\n\u0001\t\\ é 😀",
            null,
            new Object[0]);
    event.setTimeStamp(1_735_700_645_000L);
    event.addKeyValuePair(new KeyValuePair("count", 3));
    event.addKeyValuePair(new KeyValuePair("ok", true));
    event.addKeyValuePair(new KeyValuePair("file", java.nio.file.Path.of("/var/log/a b")));
    JsonLayout layout = new JsonLayout();
    layout.setContext(context);

    String line = layout.doLayout(event);

    assertThat(line)
        .isEqualTo(
            "{\"timestamp\":\"2025-01-01T03:04:05Z\",\"level\":\"INFO\",\"logger\":\"w\","
                + "\"message\":\"a \\\"b\\\"\\n\\u0001\\t\\\\ é 😀\","
                + "\"fields\":{\"count\":3,\"ok\":true,\"file\":\"/var/log/a b\"}}\n");
  }
}
