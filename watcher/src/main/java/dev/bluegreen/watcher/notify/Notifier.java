package dev.bluegreen.watcher.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * One sink (Slack, a webhook, Alertmanager, the console): renders a message once, then posts it,
 * one attempt per call. Retries, pacing and the queue belong to {@link SinkWorker}, so a sink only
 * knows its own format and how to read its answers. Called from one sender thread only, but for
 * {@link #cancel()}.
 */
public interface Notifier {

  /**
   * Short and safe to log: {@code slack}, {@code webhook}, {@code alertmanager}, {@code console}.
   */
  String name();

  /** Where it posts, safe to log (no secret): e.g. {@code https://hooks.slack.com/***}. */
  String target();

  /** Whether informational notices go here (Alertmanager takes alerts only). */
  boolean takesNotices();

  /** The least time between two requests, retries included. */
  Duration minInterval();

  /** The body for {@code message}; called once per message, in queue order. */
  byte[] render(Message message);

  /** One attempt to deliver a rendered body. Never throws for a network failure. */
  Attempt post(byte[] body);

  /**
   * A body to post again while nothing else is sent (Alertmanager's firing alerts expire unless
   * re-sent), or {@code null}.
   */
  default byte[] refresh(Instant now) {
    return null;
  }

  /** Whether {@link #refresh} may ever give a body: the idle sender then checks it every second. */
  default boolean refreshes() {
    return false;
  }

  /** What a permanent answer means here, e.g. {@code " (the webhook was revoked ...)"}, or "". */
  default String explain(String reason) {
    return "";
  }

  /**
   * Abandons this sink's attempt in progress, from another thread, at shutdown once the drain time
   * is over; never another sink's.
   */
  default void cancel() {}
}
