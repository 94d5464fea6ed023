package dev.bluegreen.watcher.notify;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one table of what an HTTP answer means for delivery, as Alertmanager's {@code
 * notify.RetryStage} keeps it: 2xx accepted; 429, 408 and 5xx retried (429 after its Retry-After);
 * any other answer rejected for good with the sink's reason; connection errors and timeouts
 * retried.
 */
public final class HttpAnswers {
  /** Reasons longer than this are cut: a proxy's HTML error page is not a log line. */
  static final int MAX_REASON = 120;

  private HttpAnswers() {}

  /**
   * Classifies one HTTP answer.
   *
   * @param code the status code
   * @param retryAfter the Retry-After header, or {@code null}
   * @param body the answer's body (Slack's reason, e.g. {@code no_service}), or {@code null}
   * @param now the wall-clock time, for a Retry-After given as a date
   */
  public static Attempt classify(int code, String retryAfter, String body, Instant now) {
    String reason = code + (body == null || body.isBlank() ? "" : " " + truncatedFirstLine(body));
    if (code >= 200 && code < 300) {
      return Attempt.accepted();
    }
    if (code == 429) {
      return Attempt.retry(reason, retryAfter(retryAfter, now));
    }
    if (code == 408 || code >= 500) {
      return Attempt.retry(reason, code == 503 ? retryAfter(retryAfter, now) : null);
    }
    return Attempt.rejected(reason);
  }

  /**
   * A request that got no answer: always worth another try.
   *
   * @param message the exception's message, already without secrets
   */
  public static Attempt classify(IOException e, String message, Duration timeout) {
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      String within =
          timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
      return Attempt.retry("no answer within " + within + " (timeout)", null);
    }
    if (e instanceof UnknownHostException) {
      return Attempt.retry("unknown host", null);
    }
    if (e instanceof ConnectException) {
      return Attempt.retry("cannot connect (" + truncatedFirstLine(message) + ")", null);
    }
    return Attempt.retry(e.getClass().getSimpleName() + ": " + truncatedFirstLine(message), null);
  }

  /** Retry-After in seconds or as an HTTP date; {@code null} when absent or unreadable. */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** The first line of a reason, printable characters only, cut to {@link #MAX_REASON}. */
  static String truncatedFirstLine(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < MAX_REASON; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        break;
      }
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    String line = out.toString().strip();
    return line.length() < text.strip().length() && !line.isEmpty() ? line + "..." : line;
  }
}
