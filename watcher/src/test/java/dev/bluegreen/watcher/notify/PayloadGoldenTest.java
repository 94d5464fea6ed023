package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.detect.Severity;
import dev.bluegreen.watcher.detect.StandbyAlert;
import dev.bluegreen.watcher.notify.alertmanager.AlertmanagerNotifier;
import dev.bluegreen.watcher.notify.slack.SlackNotifier;
import dev.bluegreen.watcher.notify.webhook.WebhookNotifier;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every sink's payload for every kind of message, byte for byte, against a file reviewed by hand: a
 * change to what Slack, the webhook, Alertmanager or the console receive shows up here. Run with
 * {@code -Dgolden.update=true} to rewrite the file after an intended change.
 */
class PayloadGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/notify/payloads.golden");

  private static List<Message> messages() {
    ErrorRate spike = new ErrorRate(200, 3, 6, 2.0);
    return List.of(
        Message.of(Samples.failover()),
        Message.of(Samples.failoverWithEvidence()),
        Message.of(
            new PoolAlert(
                AlertKind.FAILOVER, Samples.AT, Samples.WHERE, "blue", "green", null, true, false)),
        Message.of(Samples.failover("<!channel>", "green & <b>", "r\"1\n2")),
        Message.of(Samples.recovery()),
        Message.of(
            new PoolAlert(
                AlertKind.RECOVERY,
                Samples.AT,
                Samples.WHERE,
                "green",
                "blue",
                null,
                false,
                false)),
        Message.of(Samples.errorRate()),
        Message.of(
            new ErrorRateAlert(
                AlertKind.ERROR_RATE,
                Samples.AT,
                Samples.WHERE,
                spike,
                Severity.WARNING,
                true,
                false)),
        Message.of(Samples.escalated()),
        Message.of(Samples.resolved()),
        Message.of(Samples.latency()),
        Message.of(Samples.latencyResolved()),
        Message.of(Samples.flapping()),
        Message.of(Samples.standbyDown()),
        Message.of(
            new StandbyAlert(
                AlertKind.STANDBY_DOWN, Samples.AT, "green", "blue", 9, "HTTP 503 <b>", true)),
        Message.of(
            new StandbyAlert(
                AlertKind.STANDBY_DOWN,
                Samples.AT,
                "blue",
                "blue",
                3,
                "no answer within 3000 ms",
                false)),
        Message.of(Samples.standbyUp()),
        Message.of(
            new PoolAlert(
                AlertKind.FAILOVER,
                Samples.AT,
                Samples.WHERE,
                "blue",
                "green",
                "g-2",
                false,
                true)),
        Message.of(
            new PoolAlert(
                AlertKind.RECOVERY, Samples.AT, Samples.WHERE, "green", "blue", null, false, true)),
        Message.sample(Samples.failover()),
        Message.sample(Samples.flapping()),
        Message.sample(Samples.recovery()),
        Message.sample(Samples.errorRate()),
        Message.sample(Samples.resolved()),
        Message.sample(Samples.latency()),
        Message.sample(Samples.latencyResolved()),
        Notice.maintenanceOn(Samples.AT),
        Notice.maintenanceOff(Samples.AT),
        Notice.plannedSwitch(Samples.AT, "blue", "<!here>"),
        Notice.blind(
            Samples.AT,
            "cannot read /var/log/nginx/access.log: permission denied, since 03:04:05 UTC"),
        Notice.seesAgain(Samples.AT, "reads /var/log/nginx/access.log again"));
  }

  private static String render() throws IOException {
    JsonPost http =
        new JsonPost(
            JsonPost.client(Duration.ofSeconds(1)),
            Duration.ofSeconds(1),
            text -> text,
            Timing.SYSTEM);
    SecretUrl url = SecretUrl.parse("http://127.0.0.1:9/services/T0/B0/token");
    List<Notifier> sinks =
        List.of(
            new SlackNotifier(url, "web-1", http, Duration.ZERO),
            new WebhookNotifier(url, http, Duration.ZERO),
            new AlertmanagerNotifier(url, "web-1", http, Duration.ZERO),
            new ConsoleNotifier(null));
    StringBuilder out = new StringBuilder();
    for (Message message : messages()) {
      for (Notifier sink : sinks) {
        if (message instanceof AlertMessage || sink.takesNotices()) {
          out.append("== ").append(sink.name()).append(' ').append(message.describe()).append('\n');
          out.append(normalized(sink, sink.render(message))).append('\n');
        }
      }
    }
    for (Message message : messages()) {
      if (message instanceof AlertMessage alert) {
        out.append("== json ").append(message.describe()).append('\n');
        out.append(AlertJson.toLine(alert.alert())).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * The bytes as posted; Slack's with sorted keys, since its blocks are {@code Map.of}s whose key
   * order changes from one JVM to the next (Slack reads JSON objects, not their order).
   */
  private static String normalized(Notifier sink, byte[] body) throws IOException {
    if (!sink.name().equals("slack")) {
      return new String(body, StandardCharsets.UTF_8);
    }
    return TestJson.MAPPER
        .writer()
        .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .writeValueAsString(TestJson.MAPPER.readValue(body, Object.class));
  }

  @Test
  void everyPayloadIsAsReviewed() throws IOException {
    String rendered = render();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, rendered, StandardCharsets.UTF_8);
    }
    assertThat(rendered).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }
}
