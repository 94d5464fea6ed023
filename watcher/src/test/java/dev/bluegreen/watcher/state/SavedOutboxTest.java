package dev.bluegreen.watcher.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.SavedMessage;
import dev.bluegreen.watcher.source.FileIdentity;
import dev.bluegreen.watcher.source.LogPosition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of undelivered message comes back from the state file as it was saved. */
class SavedOutboxTest {
  @TempDir Path dir;

  @Test
  void everyKindOfMessageSurvivesARestartWithItsSeverityEscalationEvidenceAndLatency()
      throws IOException {
    List<Message> undelivered = StateSamples.messages();
    StateStore store = new StateStore(dir.resolve("state.json"));
    store.save(
        new WatcherState(
            WatcherState.VERSION,
            "/var/log/nginx/access.log",
            new LogPosition(new FileIdentity("(dev=1,ino=2)", "fp"), 10),
            "blue",
            false,
            new Detectors(200, 2.0, 50, 1000, 300_000, 30_000, "blue", false, alert -> {}).state(),
            SavedMessage.save(Map.of("slack", undelivered))));

    List<String> unknown = new ArrayList<>();
    Map<String, List<Message>> loaded =
        SavedMessage.load(store.load().orElseThrow().undelivered(), unknown);

    assertThat(unknown).isEmpty();
    assertThat(loaded.get("slack")).containsExactlyElementsOf(undelivered);
  }
}
