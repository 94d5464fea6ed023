package dev.bluegreen.watcher.notify.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.Sinks;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.DeliveryConfig;
import dev.bluegreen.watcher.notify.JsonPost;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.Recorder;
import dev.bluegreen.watcher.notify.Samples;
import dev.bluegreen.watcher.notify.Script;
import dev.bluegreen.watcher.notify.SecretUrl;
import dev.bluegreen.watcher.notify.Servers;
import dev.bluegreen.watcher.time.FakeTiming;
import dev.bluegreen.watcher.time.Timing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlertmanagerDeliveryTest {

  private final FakeTiming timing = new FakeTiming();
  @RegisterExtension final Recorder recorder = new Recorder();
  private final Script alertmanager = new Script(timing::nanoTime);
  private MockWebServer server;
  private AlertDelivery delivery;

  @BeforeEach
  void start() throws Exception {
    server = Servers.start();
    server.setDispatcher(alertmanager);
    DeliveryConfig config =
        DeliveryConfig.builder()
            .alertmanager(SecretUrl.parse(server.url("/").toString()))
            .instance("web-1")
            .queueCapacity(10)
            .requestTimeout(Duration.ofSeconds(5))
            .build();
    delivery = Sinks.start(config, recorder.out, timing, recorder::add);
  }

  @AfterEach
  void stop() {
    delivery.close();
    server.close();
  }

  private JsonNode posted(int index) throws Exception {
    RecordedRequest request = alertmanager.requests().get(index);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/alerts");
    return TestJson.read(request.getBody().utf8());
  }

  @Test
  void aFailoverFiresAndItsRecoveryEndsTheSameAlert() throws Exception {
    delivery.publish(Samples.failover());
    delivery.publish(Samples.recovery());

    recorder.await(4); // the console's two lines (no Slack) and Alertmanager's two posts
    JsonNode firing = posted(0);
    assertThat(firing).hasSize(1);
    assertThat(TestJson.MAPPER.convertValue(firing.get(0).path("labels"), Map.class))
        .isEqualTo(
            Map.of(
                "alertname", "BlueGreenFailover",
                "pool", "blue",
                "severity", "warning",
                "instance", "web-1",
                "kind", "failover"));
    assertThat(firing.get(0).path("startsAt").asText()).isEqualTo("2025-01-01T03:04:05Z");
    assertThat(firing.get(0).has("endsAt")).isFalse();
    assertThat(firing.get(0).path("annotations").path("summary").asText())
        .isEqualTo("FAILOVER  traffic moved from blue to green (release green-1.4.2)");

    JsonNode resolved = posted(1).get(0);
    assertThat(resolved.path("labels")).isEqualTo(firing.get(0).path("labels"));
    assertThat(resolved.path("startsAt").asText()).isEqualTo("2025-01-01T03:04:05Z");
    assertThat(resolved.path("endsAt").asText()).isEqualTo("2025-01-01T03:09:05Z");
  }

  @Test
  void anEscalationEndsTheWarningAndFiresACriticalAlertThatTheResolutionEnds() throws Exception {
    delivery.publish(Samples.errorRate());
    delivery.publish(Samples.escalated());
    delivery.publish(Samples.resolved());

    recorder.await(6);
    JsonNode warning = posted(0).get(0);
    assertThat(TestJson.MAPPER.convertValue(warning.path("labels"), Map.class))
        .isEqualTo(
            Map.of(
                "alertname", "BlueGreenErrorRate",
                "severity", "warning",
                "instance", "web-1",
                "kind", "error_rate"));
    JsonNode escalation = posted(1);
    assertThat(escalation).hasSize(2);
    assertThat(escalation.get(0).path("labels")).isEqualTo(warning.path("labels"));
    assertThat(escalation.get(0).path("endsAt").asText()).isEqualTo("2025-01-01T03:05:05Z");
    JsonNode critical = escalation.get(1);
    assertThat(critical.path("labels").path("severity").asText()).isEqualTo("critical");
    assertThat(critical.path("startsAt").asText()).isEqualTo("2025-01-01T03:05:05Z");
    assertThat(critical.has("endsAt")).isFalse();
    JsonNode resolved = posted(2).get(0);
    assertThat(resolved.path("labels")).isEqualTo(critical.path("labels"));
    assertThat(resolved.path("startsAt")).isEqualTo(critical.path("startsAt"));
    assertThat(resolved.path("endsAt").asText()).isEqualTo("2025-01-01T03:06:05Z");
  }

  @Test
  void aRecoveryAfterARestartCarriesTheLabelsOfTheFailoverItEnds() {
    // a restarted watcher remembers no firing alert: the labels alone must name the same alert
    AlertmanagerAlert failover =
        AlertmanagerAlert.of(Message.of(Samples.failover()), null, "web-1");
    AlertmanagerAlert recovery =
        AlertmanagerAlert.of(Message.of(Samples.recovery()), null, "web-1");
    assertThat(recovery.labels()).isEqualTo(failover.labels()).containsEntry("kind", "failover");
    assertThat(recovery.endsAt()).isNotNull();
  }

  @Test
  void noticesDoNotPage() throws Exception {
    delivery.publish(Notice.maintenanceOn(Samples.AT));
    delivery.publish(Samples.failover());

    recorder.await(3);
    assertThat(alertmanager.requests()).hasSize(1);
    assertThat(posted(0).get(0).path("labels").path("alertname").asText())
        .isEqualTo("BlueGreenFailover");
  }

  @Test
  void samplesCarryATestLabelSoTheyNeverEndARealAlert() throws Exception {
    delivery.publish(Samples.failover());
    delivery.publishSample(Samples.recovery());

    recorder.await(4);
    JsonNode sample = posted(1).get(0);
    assertThat(sample.path("labels").path("test").asText()).isEqualTo("true");
    assertThat(sample.path("labels").path("pool").asText()).isEqualTo("blue");
  }

  @Test
  void firingAlertsAreSentAgainEveryMinuteUntilResolved() {
    AlertmanagerNotifier notifier =
        new AlertmanagerNotifier(
            SecretUrl.parse("http://127.0.0.1:9/"),
            "web-1",
            new JsonPost(
                JsonPost.client(Duration.ofSeconds(1)),
                Duration.ofSeconds(1),
                text -> text,
                Timing.SYSTEM),
            Duration.ofSeconds(1));
    notifier.render(Message.of(Samples.failover()));
    notifier.render(Message.of(Samples.errorRate()));

    assertThat(notifier.refresh(Samples.AT)).as("starts the minute").isNull();
    assertThat(notifier.refresh(Samples.AT.plusSeconds(30))).isNull();
    String again = new String(notifier.refresh(Samples.AT.plusSeconds(60)), StandardCharsets.UTF_8);
    assertThat(again).contains("BlueGreenFailover", "BlueGreenErrorRate").doesNotContain("endsAt");

    notifier.render(Message.of(Samples.recovery()));
    notifier.render(Message.of(Samples.resolved()));
    assertThat(notifier.refresh(Samples.AT.plusSeconds(600))).as("nothing fires").isNull();
  }

  @Test
  void theEndpointIsTheV2AlertsPathUnderTheBaseUrl() {
    assertThat(endpoint("http://am:9093")).isEqualTo("http://am:9093/api/v2/alerts");
    assertThat(endpoint("http://am:9093/")).isEqualTo("http://am:9093/api/v2/alerts");
    assertThat(endpoint("https://ops.example/am/"))
        .isEqualTo("https://ops.example/am/api/v2/alerts");
    assertThat(endpoint("https://ops.example/am"))
        .isEqualTo("https://ops.example/am/api/v2/alerts");
    assertThat(endpoint("http://u:p@am:9093/api/v2/alerts"))
        .isEqualTo("http://am:9093/api/v2/alerts");
  }

  @Test
  void userInfoBecomesBasicAuth() throws Exception {
    MockWebServer protectedAm = Servers.start();
    try {
      Script script = new Script(timing::nanoTime);
      protectedAm.setDispatcher(script);
      HttpUrl url =
          protectedAm.url("/").newBuilder().username("ops").password("s3cretPass").build();
      AlertmanagerNotifier notifier =
          new AlertmanagerNotifier(
              SecretUrl.parse(url.toString()),
              "web-1",
              new JsonPost(
                  JsonPost.client(Duration.ofSeconds(5)),
                  Duration.ofSeconds(5),
                  text -> text,
                  Timing.SYSTEM),
              Duration.ofSeconds(1));

      notifier.post(notifier.render(Message.of(Samples.failover())));

      assertThat(script.requests())
          .singleElement()
          .extracting(request -> request.getHeaders().get("Authorization"))
          .isEqualTo("Basic b3BzOnMzY3JldFBhc3M=");
      assertThat(List.of(notifier.target(), notifier.toString()))
          .allMatch(text -> !text.contains("s3cretPass"));
    } finally {
      protectedAm.close();
    }
  }

  private static String endpoint(String base) {
    return AlertmanagerNotifier.endpoint(HttpUrl.get(base)).toString();
  }
}
