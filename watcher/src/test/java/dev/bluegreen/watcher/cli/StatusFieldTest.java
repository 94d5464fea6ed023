package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.json.Json;
import dev.bluegreen.watcher.json.JsonObject;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ctl shows a field of the watcher's answer as it did when it read it with ObjectMapper's JsonNode
 * ({@code path(name).asText()}, {@code asBoolean()}, {@code asLong()}): checked against JsonNode
 * itself for every kind of value.
 */
class StatusFieldTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"green\"",
        "null",
        "true",
        "false",
        "0",
        "1",
        "-12",
        "12345678901",
        "2.5",
        "\"true\"",
        "\"42\"",
        "\" 7 \"",
        "\"\"",
        "[1]",
        "{\"a\":1}",
        "ABSENT"
      })
  void aFieldIsShownAsJsonNodeShowedIt(String value) throws IOException {
    String document = value.equals("ABSENT") ? "{}" : "{\"field\":" + value + "}";
    JsonObject ours = JsonObject.of(Json.read(document));
    JsonNode before = TestJson.read(document).path("field");

    assertThat(StatusField.text(ours, "field")).isEqualTo(before.asText());
    assertThat(StatusField.bool(ours, "field")).isEqualTo(before.asBoolean());
    assertThat(StatusField.number(ours, "field")).isEqualTo(before.asLong());
  }
}
