package dev.bluegreen.watcher.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.Samples;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

  /** The payload as Slack receives it: rendered to JSON bytes and read back. */
  static JsonNode render(Message message) throws Exception {
    return TestJson.read(TestJson.MAPPER.writeValueAsBytes(SlackMessage.of(message, "web-1")));
  }

  @Test
  void aFailoverSaysWhatHappenedFromWhereToWhereAndWhen() throws Exception {
    JsonNode payload = render(Message.of(Samples.failover()));

    assertThat(payload.path("text").asText())
        .isEqualTo(
            "WARNING: Failover on web-1: traffic moved from blue to green (release green-1.4.2)");
    JsonNode blocks = payload.path("blocks");
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
    assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
    assertThat(blocks.get(0).path("text").path("text").asText())
        .isEqualTo(":large_yellow_circle: WARNING: Failover");
    assertThat(blocks.get(1).path("text").path("text").asText())
        .contains("Nginx moved traffic from *blue* to *green*", "runbook: FAILOVER");
    assertThat(blocks.get(2).path("fields").findValuesAsText("text"))
        .containsExactly(
            "*From*\nblue",
            "*To*\ngreen",
            "*Release*\ngreen-1.4.2",
            "*Severity*\nwarning",
            "*When (log time)*\n<!date^1735700645^{date_short_pretty} {time_secs}|2025-01-01T03:04:05Z>");
    assertThat(blocks.get(3).path("type").asText()).isEqualTo("context");
    assertThat(blocks.get(3).path("elements").get(0).path("text").asText())
        .isEqualTo("web-1 · access.log line 1234");
  }

  @Test
  void anErrorRateSplitsClientErrorsFromErrorsHiddenByRetries() throws Exception {
    JsonNode payload = render(Message.of(Samples.errorRate()));

    assertThat(payload.path("text").asText())
        .isEqualTo(
            "WARNING: Error rate above threshold on web-1: 4.5% of the last 200 requests failed (3"
                + " seen by clients, 6 hidden by retries; threshold 2%)");
    assertThat(payload.path("blocks").get(2).path("fields").findValuesAsText("text"))
        .contains(
            "*Seen by clients*\n3",
            "*Hidden by retries*\n6",
            "*Window*\nlast 200 requests",
            "*Threshold*\nabove 2%");
    assertThat(payload.path("blocks").get(1).path("text").path("text").asText())
        .doesNotContain("Users are affected");
  }

  @Test
  void anEscalationIsRedAndSaysClientsNowSeeTheErrors() throws Exception {
    JsonNode payload = render(Message.of(Samples.escalated()));

    assertThat(payload.path("blocks").get(0).path("text").path("text").asText())
        .isEqualTo(":red_circle: CRITICAL: Clients now see the errors");
    assertThat(payload.path("text").asText()).startsWith("CRITICAL: Clients now see the errors");
    assertThat(payload.path("blocks").get(1).path("text").path("text").asText())
        .contains("It was a warning", "Users are affected: act now.");
  }

  @Test
  void recoveriesAndResolutionsSayItIsOver() throws Exception {
    assertThat(render(Message.of(Samples.recovery())).path("text").asText())
        .isEqualTo("Recovered on web-1: traffic is back on blue from green");
    assertThat(render(Message.of(Samples.resolved())).path("text").asText())
        .isEqualTo(
            "Error rate back to normal on web-1: 0.5% of the last 200 requests failed (threshold"
                + " 2%)");
  }

  @Test
  void loggedValuesCannotPingAnyoneNorPlantALink() throws Exception {
    Message hostile =
        Message.of(Samples.failover("<!channel>", "<https://evil.example|click me>", "a&b<@U123>"));

    String json = TestJson.MAPPER.writeValueAsString(SlackMessage.of(hostile, "web-1"));

    assertThat(json).doesNotContain("<!channel>", "<https://evil", "<@U123>", "a&b");
    assertThat(json)
        .contains(
            "&lt;!channel&gt;", "&lt;https://evil.example|click me&gt;", "a&amp;b&lt;@U123&gt;");
  }

  @Test
  void aHugeLoggedValueIsCut() {
    assertThat(Mrkdwn.escape("x".repeat(10_000))).hasSize(Mrkdwn.MAX_VALUE);
    assertThat(Mrkdwn.escape("a\nb\u0007c")).isEqualTo("a b c");
  }

  @Test
  void aNoticeIsOneQuietLineWithoutAHeader() throws Exception {
    JsonNode payload = render(Notice.plannedSwitch(Samples.AT, "blue", "<!here>"));

    assertThat(payload.path("blocks")).hasSize(1);
    assertThat(payload.path("blocks").get(0).path("type").asText()).isEqualTo("context");
    assertThat(payload.path("text").asText())
        .isEqualTo(
            "Planned switch from blue to &lt;!here&gt; (web-1): The expected pool is now"
                + " &lt;!here&gt;: traffic on it is not a failover.");
    assertThat(payload.toString()).doesNotContain("<!here>", "rotating_light");
  }

  @Test
  void aSampleIsMarkedAsATest() throws Exception {
    JsonNode payload = render(Message.sample(Samples.failover()));

    assertThat(payload.path("text").asText()).startsWith("[TEST] WARNING: Failover on web-1");
    assertThat(payload.path("blocks").get(0).path("text").path("text").asText())
        .startsWith("[TEST] ");
    assertThat(payload.toString()).contains("a sample, not a real incident");
  }
}
