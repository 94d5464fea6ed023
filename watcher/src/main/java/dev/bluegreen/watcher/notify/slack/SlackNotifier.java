package dev.bluegreen.watcher.notify.slack;

import dev.bluegreen.watcher.notify.HttpSink;
import dev.bluegreen.watcher.notify.JsonPost;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.SecretUrl;
import java.time.Duration;

/**
 * Posts to a Slack incoming webhook. Slack answers {@code 200 ok}, {@code 429} with Retry-After, or
 * a reason in the body ({@code invalid_payload}, {@code no_service}, {@code channel_is_archived}
 * ...), which {@link dev.bluegreen.watcher.notify.HttpAnswers} classifies.
 */
public final class SlackNotifier extends HttpSink {
  private final String instance;

  public SlackNotifier(SecretUrl webhook, String instance, JsonPost http, Duration minInterval) {
    super("slack", webhook, http, minInterval);
    this.instance = instance;
  }

  @Override
  public byte[] render(Message message) {
    return json(SlackMessage.of(message, instance));
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
}
