package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Sinks;
import dev.bluegreen.watcher.notify.alertmanager.AlertmanagerNotifier;
import dev.bluegreen.watcher.notify.slack.SlackNotifier;
import dev.bluegreen.watcher.notify.webhook.WebhookNotifier;
import dev.bluegreen.watcher.time.FakeTiming;
import dev.bluegreen.watcher.time.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Feeds the webhook URL through every failure path (rejections, 5xx until giving up, 429, timeouts,
 * refused connections, queue drops, shutdown) with a fake Slack that echoes the URL back in its
 * answers, then greps everything delivery printed or reported for it.
 */
class SecretsStaySecretTest {
  private final FakeTiming timing = new FakeTiming();
  @RegisterExtension final Recorder recorder = new Recorder();
  private final Script slack = new Script(timing::nanoTime);
  private MockWebServer server;
  private String url;

  @BeforeEach
  void start() throws Exception {
    server = Servers.start();
    server.setDispatcher(slack);
    url = Servers.slackUrl(server);
  }

  @AfterEach
  void stop() {
    slack.release();
    server.close();
  }

  /** Slack only, so the script's answers come in order; or every sink at once. */
  private DeliveryConfig config(String webhook, RetryPolicy retry, int capacity, boolean all) {
    return DeliveryConfig.builder()
        .slackWebhook(SecretUrl.parse(webhook))
        .alertWebhook(all ? SecretUrl.parse(webhook + "/generic") : null)
        .alertmanager(all ? SecretUrl.parse(webhook.replace("/services/", "/am/")) : null)
        .instance("web-1")
        .queueCapacity(capacity)
        // long enough that the request held while the queue fills does not time out on a busy
        // machine; the 5 s stall below still does
        .requestTimeout(Duration.ofSeconds(2))
        .retry(retry)
        .build();
  }

  private MockResponse echo(int code) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Retry-After", "2")
        .body("no_service: " + url + " (path /services/T0SECRET1/B0SECRET2/tokenSECRET3xyz)")
        .build();
  }

  @Test
  void noFailurePathShowsTheWebhook() throws Exception {
    RetryPolicy quick = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2));
    slack
        .then(echo(500), echo(503), echo(429), echo(502))
        .then(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).build())
        .then(echo(404), echo(403), echo(410), echo(400))
        .otherwise(echo(503))
        .hold();
    AlertDelivery delivery =
        Sinks.start(config(url, quick, 4, false), recorder.out, timing, recorder::add);
    delivery.publish(Samples.failover("blue", "green", "first"));
    slack.awaitRequests(1);
    for (int i = 0; i < 12; i++) {
      delivery.publish(Notice.maintenanceOn(Samples.AT.plusSeconds(i))); // 9 dropped for room
    }
    slack.release();
    slack.awaitRequests(9); // the first alert: 5 failures, then 404; then 403, 410, 400
    delivery.close();

    MockWebServer refused = Servers.start();
    String gone = Servers.slackUrl(refused);
    refused.close();
    AlertDelivery nobody =
        Sinks.start(config(gone, quick, 3, true), recorder.out, timing, recorder::add);
    nobody.publish(Samples.errorRate());
    nobody.close();

    List<String> everything = new ArrayList<>();
    everything.add(recorder.out());
    everything.add(recorder.log());
    recorder.receipts().forEach(receipt -> everything.add(receipt.toString()));
    everything.add(delivery.describeSinks());
    everything.add(config(url, quick, 3, true).toString());
    JsonPost http =
        new JsonPost(
            JsonPost.client(Duration.ofSeconds(1)),
            Duration.ofSeconds(1),
            text -> text,
            Timing.SYSTEM);
    SecretUrl secret = SecretUrl.parse(url);
    everything.add(new SlackNotifier(secret, "web-1", http, Duration.ZERO).toString());
    everything.add(new WebhookNotifier(secret, http, Duration.ZERO).toString());
    everything.add(new AlertmanagerNotifier(secret, "web-1", http, Duration.ZERO).toString());
    everything.add(secret.toString());

    assertThat(recorder.log())
        .as("the failure paths were taken")
        .contains("500", "503", "429", "timeout", "404 no_service", "403", "410", "400")
        .contains("cannot connect", "queue full", "failing since");
    assertThat(everything)
        .allSatisfy(text -> assertThat(text).doesNotContain("SECRET", "/T0", "/B0", url));
  }
}
