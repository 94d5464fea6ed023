package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.time.Timing;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A control the watcher did not take in time is answered 503 "not applied" and withdrawn, so the
 * reading thread, once unstuck, skips it: before, ctl reported a timeout and the change was applied
 * later anyway.
 */
class ControlTimeoutTest {
  @Test
  void aControlReportedAsNotAppliedIsNeverAppliedLater() throws Exception {
    AdminToken token = AdminToken.generate();
    StuckControls stuck = new StuckControls();
    try (AdminServer server = AdminServer.start("127.0.0.1", 0, token, stuck, Timing.SYSTEM)) {
      RawHttp.Answer answer =
          RawHttp.local(
              server.port(),
              "POST",
              "/admin/maintenance?on=true",
              Map.of("Authorization", "Bearer " + token.reveal()));

      assertThat(answer.status()).isEqualTo(503);
      assertThat(TestJson.MAPPER.readTree(answer.body()).get("error").asText())
          .contains("not applied")
          .contains("nothing changed");
      assertThat(stuck.asked).hasSize(1);
      assertThat(stuck.asked.get(0).start())
          .as("the reading thread, back, may not apply it")
          .isFalse();
    }
  }
}
