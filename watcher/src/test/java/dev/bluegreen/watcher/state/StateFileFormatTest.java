package dev.bluegreen.watcher.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.notify.SavedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The state file byte for byte, against files written by the watcher before it left
 * jackson-databind (src/test/resources/state, made with databind's ObjectMapper): a new version
 * writes what they hold the same way, and loads them, unknown fields ignored. Run with {@code
 * -Dgolden.update=true} to rewrite them after an intended change of the format.
 */
class StateFileFormatTest {
  private static final Path GOLDEN = Path.of("src/test/resources/state");

  @TempDir Path dir;

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of("full", StateSamples.full()),
        Arguments.of("fresh", StateSamples.fresh()),
        Arguments.of("busy", StateSamples.busy()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theStateIsWrittenByteForByteAsBefore(String name, WatcherState state) throws IOException {
    StateStore store = new StateStore(dir.resolve("state.json"));

    store.save(state);

    Path golden = GOLDEN.resolve(name + ".json");
    if (Boolean.getBoolean("golden.update")) {
      Files.copy(store.file(), golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(Files.readString(store.file())).isEqualTo(Files.readString(golden));
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "fresh", "busy"})
  void anEarlierFileLoadsAndIsWrittenBackUnchanged(String name) throws IOException {
    Path golden = GOLDEN.resolve(name + ".json");
    StateStore store = new StateStore(dir.resolve("state.json"));
    Files.copy(golden, store.file());

    store.save(store.load().orElseThrow());

    assertThat(Files.readString(store.file())).isEqualTo(Files.readString(golden));
  }

  @Test
  void theOutboxOfAnEarlierFileComesBackMessageForMessage() throws IOException {
    StateStore store = new StateStore(dir.resolve("state.json"));
    Files.copy(GOLDEN.resolve("full.json"), store.file());

    List<String> unknown = new ArrayList<>();
    var loaded = SavedMessage.load(store.load().orElseThrow().undelivered(), unknown);

    assertThat(unknown).isEmpty();
    assertThat(loaded.get("slack")).containsExactlyElementsOf(StateSamples.messages());
    assertThat(loaded.get("webhook")).isEmpty();
  }

  @Test
  void fieldsThisVersionDoesNotKnowAreIgnoredAtEveryLevel() throws IOException {
    Path golden = GOLDEN.resolve("full.json");
    JsonNode tree = TestJson.MAPPER.readTree(golden.toFile());
    addUnknownFields(tree, "");
    StateStore store = new StateStore(dir.resolve("state.json"));
    Files.writeString(store.file(), tree.toString());

    store.save(store.load().orElseThrow());

    assertThat(Files.readString(store.file())).isEqualTo(Files.readString(golden));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "[]",
        "5",
        "not json",
        "{\"version\":1}",
        "{\"version\":2,\"detectors\":{}}",
        "{\"version\":1,\"detectors\":{},\"position\":\"here\"}",
        "{\"version\":1,\"detectors\":{\"errorRate\":{\"severity\":\"LOUD\"}}}",
        "{\"version\":1,\"detectors\":{\"gate\":{\"maintenance\":[]}}}",
        "{\"version\":1,\"detectors\":{},\"outbox\":{\"slack\":[{\"at\":{}}]}}"
      })
  void aFileThatIsNoStateIsMovedAsideAndTheWatcherStartsFresh(String content) throws IOException {
    StateStore store = new StateStore(dir.resolve("state.json"));
    Files.writeString(store.file(), content);

    assertThat(store.load()).isEmpty();
    assertThat(dir.resolve("state.json.corrupt")).hasContent(content);
    assertThat(store.file()).doesNotExist();
  }

  @Test
  void numbersAndBooleansWrittenAsTextAreTaken() throws IOException {
    StateStore store = new StateStore(dir.resolve("state.json"));
    Files.writeString(
        store.file(),
        "{\"version\":\"1\",\"configuredMaintenance\":\"true\",\"position\":{\"offset\":\"10\"},"
            + "\"detectors\":{}}");

    WatcherState loaded = store.load().orElseThrow();

    assertThat(loaded.configuredMaintenance()).isTrue();
    assertThat(loaded.position().offset()).isEqualTo(10);
  }

  /** A field of each kind of value in every object but the outbox's (its keys are sink names). */
  private static void addUnknownFields(JsonNode node, String path) {
    if (node instanceof ObjectNode object && !path.equals("/outbox")) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.forEach(name -> addUnknownFields(object.get(name), path + "/" + name));
      object.put("future_text", "x").put("future_number", 1.5).putNull("future_null");
      object.putArray("future_list").add(1).addObject().put("deep", true);
      object.putObject("future_object").putArray("more").add("y");
    } else if (node instanceof ObjectNode outbox) {
      outbox.forEach(list -> addUnknownFields(list, path + "/*"));
    } else if (node.isArray()) {
      node.forEach(element -> addUnknownFields(element, path + "/[]"));
    }
  }
}
