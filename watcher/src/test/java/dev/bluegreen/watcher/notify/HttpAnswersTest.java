package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.notify.Attempt.Answer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classification table, row by row. */
class HttpAnswersTest {
  private static final Instant NOW = Instant.parse("2025-01-01T03:00:00Z");

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "200, ok, ACCEPTED",
    "204, '', ACCEPTED",
    "400, invalid_payload, REJECTED",
    "400, no_text, REJECTED",
    "403, invalid_token, REJECTED",
    "403, action_prohibited, REJECTED",
    "404, no_service, REJECTED",
    "404, no_team, REJECTED",
    "410, channel_is_archived, REJECTED",
    "301, moved, REJECTED",
    "408, timeout, RETRY",
    "429, rate_limited, RETRY",
    "500, rollup_error, RETRY",
    "502, bad gateway, RETRY",
    "503, service unavailable, RETRY",
    "504, gateway timeout, RETRY",
  })
  void everyAnswerIsClassifiedOnce(int code, String body, Answer answer) {
    Attempt attempt = HttpAnswers.classify(code, null, body, NOW);

    assertThat(attempt.answer()).isEqualTo(answer);
    if (answer != Answer.ACCEPTED) {
      assertThat(attempt.reason()).isEqualTo((code + " " + body).strip());
    }
  }

  @Test
  void retryAfterInSecondsIsTheWait() {
    assertThat(HttpAnswers.classify(429, "7", "rate_limited", NOW).retryAfter())
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsADateIsTheTimeUntilThen() {
    assertThat(HttpAnswers.classify(429, "Wed, 01 Jan 2025 03:00:30 GMT", "", NOW).retryAfter())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void anUnreadableRetryAfterFallsBackToBackoff() {
    assertThat(HttpAnswers.classify(429, "soon", "", NOW).retryAfter()).isNull();
    assertThat(HttpAnswers.classify(429, null, "", NOW).retryAfter()).isNull();
  }

  @Test
  void aLongOrMultiLineBodyBecomesOneShortLine() {
    String page = "<html>\n<body>" + "x".repeat(500) + "</body></html>";

    assertThat(HttpAnswers.classify(502, null, page, NOW).reason()).isEqualTo("502 <html>...");
    assertThat(HttpAnswers.classify(502, null, "y".repeat(500), NOW).reason())
        .hasSizeLessThan(HttpAnswers.MAX_REASON + 10);
  }

  @Test
  void noAnswerIsAlwaysRetried() {
    Duration timeout = Duration.ofSeconds(10);

    assertThat(HttpAnswers.classify(new SocketTimeoutException(), "timeout", timeout))
        .isEqualTo(Attempt.retry("no answer within 10 s (timeout)", null));
    assertThat(HttpAnswers.classify(new ConnectException(), "refused", timeout).answer())
        .isEqualTo(Answer.RETRY);
    assertThat(HttpAnswers.classify(new UnknownHostException(), "x", timeout).answer())
        .isEqualTo(Answer.RETRY);
    assertThat(
            HttpAnswers.classify(new IOException(), "unexpected end of stream", timeout).answer())
        .isEqualTo(Answer.RETRY);
  }
}
