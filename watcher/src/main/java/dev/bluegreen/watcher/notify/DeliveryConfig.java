package dev.bluegreen.watcher.notify;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Where alerts go and how delivery behaves, validated once at start. The sink URLs are {@link
 * SecretUrl}s, so this record's {@code toString()} shows no credential.
 *
 * @param slackWebhook Slack incoming webhook, or {@code null} (then alerts are printed: dry run)
 * @param alertWebhook generic JSON webhook, or {@code null}
 * @param alertmanager Alertmanager's base URL, or {@code null}
 * @param instance names this watcher's Nginx in messages and Alertmanager's {@code instance} label
 * @param queueCapacity messages each sink's queue holds before dropping the oldest
 * @param requestTimeout the longest one request may take, connecting included
 * @param minInterval the least time between two requests to one sink, retries included
 * @param drainTimeout how long {@code close()} lets queued messages go out
 * @param retry the backoff between failed attempts
 */
public record DeliveryConfig(
    SecretUrl slackWebhook,
    SecretUrl alertWebhook,
    SecretUrl alertmanager,
    String instance,
    int queueCapacity,
    Duration requestTimeout,
    Duration minInterval,
    Duration drainTimeout,
    RetryPolicy retry) {

  /** 100 messages per sink: hours of real incidents, a bounded amount of memory. */
  public static final int DEFAULT_QUEUE_CAPACITY = 100;

  /**
   * The most a sink may queue: at Slack's pace of one message a second, more than a day of backlog;
   * the messages (a few hundred bytes each, shared by the sinks) then take about 25 MB of the
   * container's 64 MB heap. A larger queue would only hold alerts too old to act on.
   */
  public static final int MAX_QUEUE_CAPACITY = 100_000;

  /** Slack answers in well under a second; 10 s means it is not going to. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Slack allows about one message per second per webhook; bursts beyond that get 429s. */
  public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(1);

  /** On SIGTERM, queued alerts get 10 s: within Docker's and Kubernetes' default grace. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Removes every configured secret from a text about to be logged or shown: a sink's answer could
   * echo another sink's URL.
   */
  public UnaryOperator<String> redactor() {
    List<SecretUrl> secrets =
        Stream.of(slackWebhook, alertWebhook, alertmanager).filter(Objects::nonNull).toList();
    return text -> {
      String out = text;
      for (SecretUrl secret : secrets) {
        out = secret.redact(out);
      }
      return out;
    };
  }

  /** Whether any sink is set; without one, alerts are only printed. */
  public boolean hasSink() {
    return slackWebhook != null || alertWebhook != null || alertmanager != null;
  }

  /** Settings for tests and tools: no sink (a dry run), instance {@code watcher}, the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .slackWebhook(slackWebhook)
        .alertWebhook(alertWebhook)
        .alertmanager(alertmanager)
        .instance(instance)
        .queueCapacity(queueCapacity)
        .requestTimeout(requestTimeout)
        .minInterval(minInterval)
        .drainTimeout(drainTimeout)
        .retry(retry);
  }

  /** Builds a {@link DeliveryConfig}; each setting starts at its default (no sink at all). */
  public static final class Builder {
    private SecretUrl slackWebhook;
    private SecretUrl alertWebhook;
    private SecretUrl alertmanager;
    private String instance = "watcher";
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration minInterval = DEFAULT_MIN_INTERVAL;
    private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
    private RetryPolicy retry = RetryPolicy.DEFAULT;

    private Builder() {}

    public Builder slackWebhook(SecretUrl url) {
      this.slackWebhook = url;
      return this;
    }

    public Builder alertWebhook(SecretUrl url) {
      this.alertWebhook = url;
      return this;
    }

    public Builder alertmanager(SecretUrl url) {
      this.alertmanager = url;
      return this;
    }

    public Builder instance(String instance) {
      this.instance = instance;
      return this;
    }

    public Builder queueCapacity(int capacity) {
      this.queueCapacity = capacity;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    public Builder minInterval(Duration interval) {
      this.minInterval = interval;
      return this;
    }

    public Builder drainTimeout(Duration drain) {
      this.drainTimeout = drain;
      return this;
    }

    public Builder retry(RetryPolicy policy) {
      this.retry = policy;
      return this;
    }

    public DeliveryConfig build() {
      return new DeliveryConfig(
          slackWebhook,
          alertWebhook,
          alertmanager,
          instance,
          queueCapacity,
          requestTimeout,
          minInterval,
          drainTimeout,
          retry);
    }
  }
}
