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

  @Override
  public String redact(String text) {
    return webhook.redact(text);
  }

  @Override
  public void cancel() {
    http.cancelAll();
  }

  @Override
  public String toString() {
    return "SlackNotifier[" + target() + "]";
  }
}
