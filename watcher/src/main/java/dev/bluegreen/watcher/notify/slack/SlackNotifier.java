package dev.bluegreen.watcher.notify.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bluegreen.watcher.notify.Attempt;
import dev.bluegreen.watcher.notify.JsonPost;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notifier;
import dev.bluegreen.watcher.notify.SecretUrl;
import java.time.Duration;
import okhttp3.Headers;

/**
 * Posts to a Slack incoming webhook. Slack answers {@code 200 ok}, {@code 429} with Retry-After, or
 * a reason in the body ({@code invalid_payload}, {@code no_service}, {@code channel_is_archived}
 * ...), which {@link dev.bluegreen.watcher.notify.HttpAnswers} classifies.
 */
public final class SlackNotifier implements Notifier {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SecretUrl webhook;
  private final String instance;
  private final JsonPost http;
  private final Duration minInterval;

  public SlackNotifier(SecretUrl webhook, String instance, JsonPost http, Duration minInterval) {
    this.webhook = webhook;
    this.instance = instance;
    this.http = http;
    this.minInterval = minInterval;
  }

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public String target() {
    return webhook.describe();
  }

  @Override
  public boolean takesNotices() {
    return true;
  }

  @Override
  public Duration minInterval() {
    return minInterval;
  }

  @Override
  public byte[] render(Message message) {
    try {
      return MAPPER.writeValueAsBytes(SlackMessage.of(message, instance));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a message map of plain values always serializes", e);
    }
  }

  @Override
  public Attempt post(byte[] body) {
    return http.post(webhook.reveal(), Headers.of(), body);
  }

  /** What Slack's reasons mean, for the one log line of a permanent failure. */
  @Override
  public String explain(String reason) {
    if (reason.contains("no_service")) {
      return " (the webhook was revoked or deleted: create a new one and set SLACK_WEBHOOK_URL)";
    }
    if (reason.contains("channel_is_archived")) {
      return " (the webhook's channel is archived)";
    }
    if (reason.contains("invalid_payload") || reason.contains("no_text")) {
      return " (Slack cannot read the message: a watcher bug, please report it)";
    }
    if (reason.startsWith("403")) {
      return " (the webhook may not post there)";
    }
    return "";
  }

  @Override
  public String redact(String text) {
    return webhook.redact(text);
  }

  @Override
  public void cancel() {
    http.cancel();
  }

  @Override
  public String toString() {
    return "SlackNotifier[" + target() + "]";
  }
}
