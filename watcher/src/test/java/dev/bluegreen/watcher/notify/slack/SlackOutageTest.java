package dev.bluegreen.watcher.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.Sinks;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.Recorder;
import dev.bluegreen.watcher.notify.Samples;
import dev.bluegreen.watcher.notify.Script;
import dev.bluegreen.watcher.notify.Servers;
import dev.bluegreen.watcher.notify.SinkStats;
import dev.bluegreen.watcher.time.FakeTiming;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A long Slack outage with pools flipping all along, against a stand-in Slack that answers 503 and
 * then 200: when it answers, the current state comes first, then one summary of the episodes that
 * closed meanwhile; never a recovery without its failover, nothing lost.
 */
class SlackOutageTest {
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
    if (delivery != null) {
      delivery.close();
    }
    server.close();
  }

  private static PoolAlert flip(AlertKind kind, int minute) {
    boolean failover = kind == AlertKind.FAILOVER;
    return new PoolAlert(
        kind,
        Samples.AT.plusSeconds(60L * minute),
        Samples.WHERE,
        failover ? "blue" : "green",
        failover ? "green" : "blue",
        null,
        false,
        false);
  }

  private List<String> texts(List<RecordedRequest> requests) {
    return requests.stream()
        .map(request -> TestJson.read(request.getBody().utf8()).path("text").asText())
        .toList();
  }

  @Test
  void whenSlackAnswersAgainTheCurrentStateGoesFirstThenOneSummaryAndNoLoneRecovery() {
    slack.otherwise(Servers.answer(503, "down")).hold(); // the first attempt hangs, then fails
    delivery = Sinks.start(Servers.slack(server), recorder.out, timing, recorder::add);
    delivery.publish(flip(AlertKind.FAILOVER, 0));
    slack.awaitRequests(1);
    for (int minute = 1; minute <= 22; minute++) { // eleven episodes open and close, a 12th opens
      delivery.publish(flip(minute % 2 == 1 ? AlertKind.RECOVERY : AlertKind.FAILOVER, minute));
    }
    slack.release();
    Await.until("failed attempts counted as they fail", () -> sink().failedAttempts() >= 3);
    assertThat(sink().failing()).isTrue();
    assertThat(sink().queued()).as("collapsed: the current state and one summary").isEqualTo(2);

    slack.otherwise(Servers.ok());
    Await.until("the outbox emptied", () -> sink().queued() == 0);

    assertThat(sink().delivered()).isEqualTo(2);
    List<RecordedRequest> answered =
        slack.requests().subList(slack.requests().size() - 2, slack.requests().size());
    List<String> delivered = texts(answered);
    String summary = answered.get(1).getBody().utf8();
    assertThat(delivered.get(0))
        .as("the current state first")
        .startsWith("WARNING: Failover on web-1: traffic moved from blue to green");
    assertThat(answered.get(0).getBody().utf8()).contains("03:26:05Z"); // minute 22
    assertThat(delivered.get(1))
        .as("then what happened meanwhile")
        .startsWith("While slack was unreachable (web-1): failover from blue to green at 03:04:05");
    assertThat(summary)
        .contains(
            "• failover from blue to green at 03:04:05 UTC, recovered (back on blue) at 03:05:05"
                + " UTC\\n• failover from blue to green at 03:06:05 UTC")
        .contains("… and 1 more");
    assertThat(delivered).noneMatch(text -> text.startsWith("Recovery"));
    assertThat(sink().lost()).as("nothing lost: the summary tells the superseded").isZero();
    assertThat(sink().failing()).isFalse();
  }

  private SinkStats sink() {
    return delivery.sinkStats().get(0);
  }
}
