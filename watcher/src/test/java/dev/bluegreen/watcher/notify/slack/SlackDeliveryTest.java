package dev.bluegreen.watcher.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.Sinks;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.DeliveryConfig;
import dev.bluegreen.watcher.notify.DeliveryStats;
import dev.bluegreen.watcher.notify.DropReason;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.Receipt;
import dev.bluegreen.watcher.notify.Receipt.Outcome;
import dev.bluegreen.watcher.notify.Recorder;
import dev.bluegreen.watcher.notify.RetryPolicy;
import dev.bluegreen.watcher.notify.Samples;
import dev.bluegreen.watcher.notify.Script;
import dev.bluegreen.watcher.notify.Servers;
import dev.bluegreen.watcher.notify.SinkStats;
import dev.bluegreen.watcher.time.FakeTiming;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Delivery to a fake Slack: answers, retries, rate limits, pacing, the queue and shutdown. */
class SlackDeliveryTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final FakeTiming timing = new FakeTiming();
  @RegisterExtension final Recorder recorder = new Recorder();
  private final Script slack = new Script(timing::nanoTime);
  private MockWebServer server;
  private AlertDelivery delivery;

  @BeforeEach
  void startServer() throws Exception {
    server = Servers.start();
    server.setDispatcher(slack);
  }

  @AfterEach
  void stop() {
    slack.release();
    if (delivery != null) {
      delivery.close();
    }
    server.close();
  }

  private AlertDelivery start(DeliveryConfig config) {
    delivery = Sinks.start(config, recorder.out, timing, recorder::add);
    return delivery;
  }

  private AlertDelivery start() {
    return start(Servers.slack(server));
  }

  @Test
  void anAcceptedAlertIsOneRequestWithTheBlockKitPayload() throws Exception {
    start().publish(Samples.failover());

    Receipt receipt = recorder.await(1).get(0);
    assertThat(receipt.outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(receipt.attempts()).isEqualTo(1);
    RecordedRequest request = slack.requests().get(0);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/services/T0SECRET1/B0SECRET2/tokenSECRET3xyz");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode payload = TestJson.read(request.getBody().utf8());
    assertThat(payload.path("text").asText())
        .startsWith("WARNING: Failover on web-1: traffic moved from blue to green");
    assertThat(payload.path("blocks")).hasSize(4);
    assertThat(delivery.stats()).isEqualTo(new DeliveryStats(1, 0, 0, 0, 0));
  }

  /**
   * A message counts as being delivered from its publication until Slack took it: the live watcher
   * keeps polling meanwhile, so the delivery's end is saved within a second (issue 15).
   */
  @Test
  void aMessageIsBeingDeliveredFromItsPublicationUntilSlackTookIt() {
    slack.hold(); // a hung Slack: the request waits
    AlertDelivery started = start();
    assertThat(started.delivering()).isFalse();

    started.publish(Samples.failover());
    slack.awaitRequests(1);

    assertThat(started.delivering()).as("sent, not answered yet").isTrue();

    slack.release();
    recorder.await(1);
    Await.until("the outbox to be empty", () -> !started.delivering());
  }

  @Test
  void a500IsRetriedAfterABackoffAndThenAccepted() throws Exception {
    slack.then(Servers.answer(500, "rollup_error"));

    start().publish(Samples.failover());

    assertThat(recorder.await(1).get(0))
        .extracting(Receipt::outcome, Receipt::attempts)
        .containsExactly(Outcome.DELIVERED, 2);
    assertThat(slack.gaps()).singleElement().isEqualTo(SECOND);
    assertThat(delivery.stats()).isEqualTo(new DeliveryStats(1, 0, 0, 1, 0));
    assertThat(recorder.log())
        .contains("failover alert: 500 rollup_error; 1 message waiting")
        .contains("next attempt in 1.0 s (attempt 2 of this one");
  }

  @Test
  void a503TwiceThenAcceptedBacksOffExponentially() throws Exception {
    slack.then(Servers.answer(503, ""), Servers.answer(503, ""));

    start().publish(Samples.errorRate());

    assertThat(recorder.await(1).get(0).attempts()).isEqualTo(3);
    // jitter 0.5: 0.75 s (paced up to 1 s), then 1.5 s
    assertThat(slack.gaps()).containsExactly(SECOND, 3 * SECOND / 2);
    assertThat(recorder.log()).containsOnlyOnce("WARN slack: failing since");
  }

  @Test
  void a429WaitsTheRetryAfterSlackGives() throws Exception {
    slack.then(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "7")
            .body("rate_limited")
            .build());

    start().publish(Samples.failover());

    assertThat(recorder.await(1).get(0).outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(slack.gaps()).containsExactly(7 * SECOND);
    assertThat(timing.sleeps()).contains(Duration.ofSeconds(7));
  }

  @Test
  void aRevokedWebhookIsNotRetriedAndSaysWhy() throws Exception {
    slack.otherwise(Servers.answer(404, "no_service"));

    start().publish(Samples.failover());
    delivery.publish(Samples.recovery());

    assertThat(recorder.await(2))
        .extracting(Receipt::outcome, Receipt::reason, Receipt::attempts)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(Outcome.REJECTED, "404 no_service", 1));
    assertThat(slack.requests()).hasSize(2);
    assertThat(delivery.stats()).isEqualTo(new DeliveryStats(0, 2, 0, 0, 0));
    assertThat(recorder.log().lines().filter(line -> line.contains("no_service")))
        .hasSize(2)
        .allMatch(
            line ->
                line.startsWith("WARN slack: rejected the")
                    && line.contains("revoked")
                    && line.contains("not retried"));
  }

  @Test
  void aServerThatStallsTimesOutAndIsRetried() throws Exception {
    slack.then(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).body("late").build());

    start(Servers.slack(server).toBuilder().requestTimeout(Duration.ofMillis(300)).build())
        .publish(Samples.failover());

    Receipt receipt = recorder.await(1).get(0);
    assertThat(receipt.outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(receipt.attempts()).isEqualTo(2);
    assertThat(recorder.log()).contains("no answer within 300 ms (timeout)");
  }

  @Test
  void aSlackStillFailingIsAskedAgainAtMost15SecondsApartAndTheAlertIsKept() throws Exception {
    slack.otherwise(Servers.answer(503, "down"));

    start().publish(Samples.failover());

    slack.awaitRequests(12);
    // 0, 1, 2.5, 5.5, 11.5, then 11.25 s apart (15 s, jittered): nothing is given up
    assertThat(slack.gaps().subList(4, 11)).allMatch(gap -> gap == 45 * SECOND / 4);
    Await.until("12 failed attempts", () -> delivery.sinkStats().get(0).failedAttempts() >= 12);
    SinkStats stats = delivery.sinkStats().get(0);
    assertThat(stats.queued()).isEqualTo(1);
    assertThat(stats.failing()).isTrue();
    assertThat(recorder.receipts()).isEmpty();
    assertThat(recorder.log().lines().filter(line -> line.contains("WARN slack: failing since")))
        .as("a WARN at the first failure, then one a minute")
        .hasSize(2);
  }

  @Test
  void aBurstOfFiveAlertsGoesOutOneSecondApart() throws Exception {
    AlertDelivery delivery = start();
    for (int i = 0; i < 5; i++) {
      delivery.publish(Samples.failover("blue", "green", "r" + i));
    }

    recorder.await(5);
    assertThat(slack.gaps()).hasSize(4).allMatch(gap -> gap == SECOND);
    assertThat(slack.requests())
        .extracting(request -> request.getBody().utf8())
        .allMatch(body -> body.contains("Failover"));
  }

  @Test
  void retriesCountTowardsThePaceToo() throws Exception {
    RetryPolicy eager = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1));
    slack.then(Servers.answer(500, ""), Servers.answer(502, ""));

    start(Servers.slack(server).toBuilder().retry(eager).build()).publish(Samples.failover());
    delivery.publish(Samples.errorRate());

    recorder.await(2);
    assertThat(slack.gaps()).hasSize(3).allMatch(gap -> gap >= SECOND);
  }

  @Test
  void aFullQueueCollapsesTheClosedEpisodeIntoASummaryAndKeepsEveryFirstAnnouncement()
      throws Exception {
    DeliveryConfig small =
        Servers.slack(server).toBuilder()
            .queueCapacity(3)
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    slack.hold();
    AlertDelivery delivery = start(small);
    delivery.publish(Samples.failover("blue", "green", "in-flight"));
    slack.awaitRequests(1);

    delivery.publish(Samples.failover("green", "red", "overtaken"));
    delivery.publish(Samples.recovery());
    delivery.publish(Samples.errorRate());
    assertThat(delivery.stats().dropped()).as("nothing lost").isZero();
    assertThat(delivery.stats().queued()).isEqualTo(3);
    slack.release();

    List<Receipt> receipts = recorder.await(5);
    assertThat(receipts.subList(0, 2))
        .extracting(Receipt::outcome, Receipt::reason)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(Outcome.DROPPED, "superseded"));
    assertThat(receipts.subList(2, 5))
        .extracting(receipt -> receipt.message().describe())
        .containsExactly("failover alert", "error_rate alert", "unreachable_summary notice");
    assertThat(((Notice) receipts.get(4).message()).detail())
        .isEqualTo(
            "failover from green to red at 03:04:05 UTC, recovered (back on blue) at 03:09:05 UTC.");
    assertThat(recorder.log()).doesNotContain("queue full");
  }

  @Test
  void publishingNeverWaitsForAHungSlack() throws Exception {
    slack.hold();
    AlertDelivery delivery = start();
    delivery.publish(Samples.failover());
    slack.awaitRequests(1);

    for (int i = 0; i < 1_000; i++) {
      delivery.publish(Samples.errorRate());
      delivery.publish(Notice.maintenanceOn(Samples.AT));
    }

    assertThat(delivery.stats().queued()).isEqualTo(DeliveryConfig.DEFAULT_QUEUE_CAPACITY);
    assertThat(delivery.sinkStats().get(0).dropped(DropReason.QUEUE_FULL)).isPositive();
  }

  @Test
  void closeSendsWhatIsQueued() {
    AlertDelivery delivery = start();
    delivery.publish(Samples.failover());
    delivery.publish(Samples.recovery());
    delivery.publish(Samples.errorRate());

    delivery.close();

    assertThat(slack.requests()).hasSize(3);
    assertThat(delivery.stats()).isEqualTo(new DeliveryStats(3, 0, 0, 0, 0));
  }

  /** Two closed episodes and an open one, published while Slack answers 503. */
  private void publishAnOutage(AlertDelivery delivery) {
    delivery.publish(Samples.failover());
    delivery.publish(Samples.recovery());
    delivery.publish(Samples.errorRate());
    delivery.publish(Samples.resolved());
    delivery.publish(Samples.failover("blue", "red", "r2"));
  }

  @Test
  void closeWithoutAStateFileDropsWhatIsUndeliveredAtTheEndOfTheDrainTime() {
    slack.otherwise(Servers.answer(503, "down"));
    AlertDelivery delivery = start();
    publishAnOutage(delivery);

    delivery.close();

    DeliveryStats stats = delivery.stats();
    assertThat(stats.sent()).isZero();
    assertThat(stats.queued()).isZero();
    // collapsed: the open failover, then one summary per condition
    assertThat(delivery.sinkStats().get(0).dropped(DropReason.SHUTDOWN)).isEqualTo(3);
    assertThat(slack.requests()).hasSizeLessThanOrEqualTo(11); // paced: at most 1 per second
    assertThat(recorder.receipts()).extracting(Receipt::outcome).doesNotContain(Outcome.DELIVERED);
    assertThat(recorder.log())
        .contains(
            "WARN slack: 3 messages not delivered before shutdown and lost: no STATE_FILE keeps"
                + " them");
  }

  @Test
  void closeKeepsWhatIsUndeliveredForTheStateFile() {
    slack.otherwise(Servers.answer(503, "down"));
    AlertDelivery delivery = start();
    delivery.keepUndelivered();
    publishAnOutage(delivery);

    delivery.close();

    assertThat(delivery.stats().dropped()).isZero();
    List<Message> kept = delivery.undelivered().get("slack");
    assertThat(kept).hasSize(3);
    assertThat(kept.get(0)).isEqualTo(Message.of(Samples.failover("blue", "red", "r2")));
    assertThat(kept.subList(1, 3)).allMatch(message -> message instanceof Notice.Summary);
    assertThat(recorder.log())
        .contains(
            "WARN slack: 3 messages not delivered before shutdown, kept in the state file to send"
                + " after a restart");
  }

  @Test
  void noticesGoToSlackAsQuietMessages() throws Exception {
    start().publish(Notice.maintenanceOn(Samples.AT));

    recorder.await(1);
    JsonNode payload = TestJson.read(slack.requests().get(0).getBody().utf8());
    assertThat(payload.path("text").asText()).startsWith("Maintenance mode on (web-1)");
    assertThat(recorder.receipts().get(0).message()).isInstanceOf(Notice.class);
  }
}
