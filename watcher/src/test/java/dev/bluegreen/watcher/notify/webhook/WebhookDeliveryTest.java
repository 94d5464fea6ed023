package dev.bluegreen.watcher.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.Sinks;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.AlertJson;
import dev.bluegreen.watcher.notify.DeliveryConfig;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.Recorder;
import dev.bluegreen.watcher.notify.Samples;
import dev.bluegreen.watcher.notify.Script;
import dev.bluegreen.watcher.notify.SecretUrl;
import dev.bluegreen.watcher.notify.Servers;
import dev.bluegreen.watcher.time.FakeTiming;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookDeliveryTest {

  private final FakeTiming timing = new FakeTiming();
  @RegisterExtension final Recorder recorder = new Recorder();
  private final Script hook = new Script(timing::nanoTime);
  private MockWebServer server;
  private AlertDelivery delivery;

  @BeforeEach
  void start() throws Exception {
    server = Servers.start();
    server.setDispatcher(hook);
    DeliveryConfig config =
        Servers.slack(server).toBuilder()
            .alertWebhook(SecretUrl.parse(server.url("/hook?token=abcSECRET123").toString()))
            .queueCapacity(10)
            .build();
    delivery = Sinks.start(config, recorder.out, timing, recorder::add);
  }

  @AfterEach
  void stop() {
    delivery.close();
    server.close();
  }

  private JsonNode bodyTo(String path) throws Exception {
    return TestJson.read(
        hook.requests().stream()
            .filter(request -> request.getUrl().encodedPath().equals(path))
            .findFirst()
            .orElseThrow()
            .getBody()
            .utf8());
  }

  @Test
  void theBodyIsTheObjectReplayPrints() throws Exception {
    delivery.publish(Samples.errorRate());

    recorder.await(2);
    assertThat(bodyTo("/hook")).isEqualTo(TestJson.read(AlertJson.toLine(Samples.errorRate())));
    assertThat(bodyTo("/services/T0SECRET1/B0SECRET2/tokenSECRET3xyz").path("blocks").isArray())
        .as("Slack gets the same alert as Block Kit")
        .isTrue();
  }

  @Test
  void aSampleIsMarkedAsATest() throws Exception {
    delivery.publishSample(Samples.failover());

    recorder.await(2);
    JsonNode body = bodyTo("/hook");
    assertThat(body.path("kind").asText()).isEqualTo("failover");
    assertThat(body.path("test").asBoolean()).isTrue();
  }

  @Test
  void aNoticeHasItsOwnKind() throws Exception {
    delivery.publish(Notice.plannedSwitch(Samples.AT, "blue", "green"));

    recorder.await(2);
    assertThat(bodyTo("/hook").toString())
        .isEqualTo(
            "{\"kind\":\"notice\",\"notice\":\"planned_switch\",\"at\":\"2025-01-01T03:04:05Z\","
                + "\"title\":\"Planned switch from blue to green\",\"detail\":\"The expected pool is"
                + " now green: traffic on it is not a failover.\",\"from\":\"blue\",\"to\":\"green\"}");
  }
}
