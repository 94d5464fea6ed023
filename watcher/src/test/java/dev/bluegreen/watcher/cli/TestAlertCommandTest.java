package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.notify.LogCapture;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code watcher test-alert} against a fake Slack on 127.0.0.1, in real time. */
class TestAlertCommandTest {
  private static final String TOKEN = "tokenSECRET3xyz";

  /** Delivery logs through SLF4J: what it wrote to stderr is caught here. */
  @RegisterExtension final LogCapture logs = new LogCapture();

  private MockWebServer server;
  private FakeSlack slack;
  private String webhook;

  /** Answers from a script, then 200 ok; records each request's body and arrival time. */
  private static final class FakeSlack extends Dispatcher {
    private final List<MockResponse> script = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private MockResponse otherwise = new MockResponse.Builder().body("ok").build();

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      arrivals.add(System.nanoTime());
      bodies.add(request.getBody().utf8());
      return script.isEmpty() ? otherwise : script.remove(0);
    }

    synchronized List<String> bodies() {
      return List.copyOf(bodies);
    }

    synchronized List<Long> gapsMillis() {
      List<Long> gaps = new ArrayList<>();
      for (int i = 1; i < arrivals.size(); i++) {
        gaps.add(TimeUnit.NANOSECONDS.toMillis(arrivals.get(i) - arrivals.get(i - 1)));
      }
      return gaps;
    }
  }

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    server = new MockWebServer();
    server.setDispatcher(slack);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    webhook = server.url("/services/T0SECRET1/B0SECRET2/" + TOKEN).toString();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse answer(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  private void assertNoSecret(Cli.Result result, String webhook) {
    assertThat(result.out() + result.err() + logs.text()).doesNotContain(webhook, TOKEN, "SECRET");
  }

  @Test
  void withoutASinkItSaysWhatToSet() {
    Cli.Result result = Cli.run(Map.of(), "test-alert");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("no alert sink is configured", "SLACK_WEBHOOK_URL");
  }

  @Test
  void everyKindIsDeliveredOnceThroughAWebhookThatFailsItsFirstThreeAnswers() throws Exception {
    slack.script.addAll(List.of(answer(500, ""), answer(503, ""), answer(500, "rollup_error")));

    Cli.Result result = Cli.run(Map.of("SLACK_WEBHOOK_URL", webhook), "test-alert");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("failover             accepted after 4 attempts")
        .contains("test-alert: 4 of 4 accepted");
    List<String> delivered = slack.bodies().subList(3, slack.bodies().size());
    assertThat(delivered)
        .extracting(body -> TestJson.read(body).path("text").asText().replaceAll(" on .*", ""))
        .containsExactly(
            "[TEST] WARNING: Failover",
            "[TEST] Recovered",
            "[TEST] CRITICAL: Error rate above threshold",
            "[TEST] Error rate back to normal");
    assertThat(slack.gapsMillis()).hasSize(6).allMatch(gap -> gap >= 1000);
    assertNoSecret(result, webhook);
  }

  @Test
  void aRevokedWebhookExitsNonZeroWithNoServiceAndNoRetryStorm() {
    slack.otherwise = answer(404, "no_service");

    Cli.Result result = Cli.run(Map.of("SLACK_WEBHOOK_URL", webhook), "test-alert");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("REJECTED: 404 no_service", "test-alert: 0 of 4 accepted");
    assertThat(logs.text()).contains("revoked");
    assertThat(slack.bodies()).as("one request per sample, none retried").hasSize(4);
    assertNoSecret(result, webhook);
  }

  @Test
  void noOutputShowsTheWebhook() {
    Map<String, String> env = Map.of("SLACK_WEBHOOK_URL", webhook);
    String plain = webhook.replaceFirst("http://[^/]+", "http://hooks.example.com");

    List<Cli.Result> results =
        List.of(
            Cli.run(env, "--help"),
            Cli.run(env, "test-alert", "--help"),
            Cli.run(env, "test-alert", webhook),
            Cli.run(env, "test-alert", "--slack-webhook-url", plain),
            Cli.run(Map.of("SLACK_WEBHOOK_URL", plain), "test-alert"),
            Cli.run(Map.of("SLACK_WEBHOOK_URL", "::" + TOKEN), "test-alert"),
            Cli.run(Map.of("ALERT_WEBHOOK_URL", "ftp://x/" + TOKEN), "test-alert"));

    assertThat(results).allSatisfy(result -> assertNoSecret(result, webhook));
    assertThat(results)
        .allSatisfy(
            result -> assertThat(result.out() + result.err() + logs.text()).doesNotContain(plain));
    assertThat(results.get(1).out()).contains("--slack-webhook-url", "SLACK_WEBHOOK_URL");
    assertThat(results.get(2).err()).contains("Unmatched argument", "http://localhost:");
    assertThat(results.get(4).err())
        .contains("invalid SLACK_WEBHOOK_URL (set in the environment): is not an https:// URL");
    assertThat(results.subList(2, 7)).allMatch(result -> result.exitCode() == 2);
  }

  @Test
  void theWatcherListsTheCommand() {
    assertThat(Cli.run(Map.of(), "--help").out()).contains("test-alert");
  }
}
