package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.Sinks;
import dev.bluegreen.watcher.time.FakeTiming;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sink stopped at shutdown abandons its own request, never another sink's: the sinks share one
 * HTTP client (one connection pool), not their cancellation.
 */
class SinkCancelTest {
  private final FakeTiming timing = new FakeTiming();
  private final Script hungSlack = new Script(timing::nanoTime).hold();
  private final Script slowWebhook = new Script(timing::nanoTime).hold();
  private final ExecutorService senders = Executors.newFixedThreadPool(2);
  private MockWebServer slackServer;
  private MockWebServer webhookServer;

  @BeforeEach
  void start() throws Exception {
    slackServer = Servers.start();
    slackServer.setDispatcher(hungSlack);
    webhookServer = Servers.start();
    webhookServer.setDispatcher(slowWebhook);
  }

  @AfterEach
  void stop() {
    hungSlack.release();
    slowWebhook.release();
    senders.shutdownNow();
    slackServer.close();
    webhookServer.close();
  }

  @Test
  void cancellingOneSinkLeavesAnotherSinksRequestToFinish() throws Exception {
    DeliveryConfig config =
        Servers.slack(slackServer).toBuilder()
            .alertWebhook(SecretUrl.parse(webhookServer.url("/hook").toString()))
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    List<Notifier> sinks = Sinks.of(config, null, text -> text, timing);
    Notifier slack = sinks.get(0);
    Notifier webhook = sinks.get(1);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Future<Attempt> toSlack = senders.submit(() -> slack.post(body));
    Future<Attempt> toWebhook = senders.submit(() -> webhook.post(body));
    hungSlack.awaitRequests(1);
    slowWebhook.awaitRequests(1);

    slack.cancel();
    slowWebhook.release();

    assertThat(toWebhook.get(Await.LIMIT.toSeconds(), TimeUnit.SECONDS))
        .as("the webhook's request was not Slack's to cancel")
        .isEqualTo(Attempt.accepted());
    assertThat(toSlack.get(Await.LIMIT.toSeconds(), TimeUnit.SECONDS).answer())
        .isEqualTo(Attempt.Answer.RETRY);
  }
}
