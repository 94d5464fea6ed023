package dev.bluegreen.watcher.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.notify.AlertMessage;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.SavedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State files that released watchers left behind (src/test/resources/state/earlier: `watcher run`
 * of the commit named, a failover and an error spike in its log, its webhook down, stopped with
 * SIGTERM): they load, and a save writes what the ObjectMapper version wrote after loading them
 * ({@code *.rewritten}, made by it). Run with {@code -Dgolden.update=true} to rewrite those.
 */
class EarlierStateFilesTest {
  private static final Path EARLIER = Path.of("src/test/resources/state/earlier");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"5ce1439-before-outbox", "cd8039e-before-probes"})
  void anEarlierFileLoadsAndIsSavedAsTheObjectMapperVersionSavedIt(String name) throws IOException {
    StateStore store = new StateStore(dir.resolve("state.json"));
    Files.copy(EARLIER.resolve(name + ".json"), store.file());

    WatcherState loaded = store.load().orElseThrow();
    new Detectors(200, 2.0, 50, 1000, 300_000, 30_000, "blue", false, alert -> {})
        .restore(loaded.detectors());
    store.save(loaded);

    Path rewritten = EARLIER.resolve(name + ".rewritten");
    if (Boolean.getBoolean("golden.update")) {
      Files.copy(store.file(), rewritten, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(Files.readString(store.file())).isEqualTo(Files.readString(rewritten));
    assertThat(loaded.position().offset()).isPositive();
    assertThat(loaded.detectors().poolFlips().announced()).isEqualTo("green");
  }

  @Test
  void theOutboxOfAFileFromBeforeProbesComesBack() throws IOException {
    StateStore store = new StateStore(dir.resolve("state.json"));
    Files.copy(EARLIER.resolve("cd8039e-before-probes.json"), store.file());

    List<String> unknown = new ArrayList<>();
    Map<String, List<Message>> outbox =
        SavedMessage.load(store.load().orElseThrow().undelivered(), unknown);

    assertThat(unknown).isEmpty();
    assertThat(outbox.get("console")).isEmpty();
    assertThat(outbox.get("webhook"))
        .extracting(message -> ((AlertMessage) message).alert().kind())
        .containsExactly(AlertKind.ERROR_RATE, AlertKind.FAILOVER);
  }

  @Test
  void aFileFromBeforeTheOutboxHasNothingToSend() throws IOException {
    StateStore store = new StateStore(dir.resolve("state.json"));
    Files.copy(EARLIER.resolve("5ce1439-before-outbox.json"), store.file());

    WatcherState loaded = store.load().orElseThrow();

    assertThat(loaded.outbox()).isNull();
    assertThat(loaded.undelivered()).isEmpty();
    assertThat(loaded.position().lineKnown()).as("saved before line numbers").isFalse();
  }
}
