package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;

/** One item on a sink's delivery queue: an alert ({@link AlertMessage}) or a {@link Notice}. */
public sealed interface Message permits AlertMessage, Notice {

  static AlertMessage of(Alert alert) {
    return new AlertMessage(alert, false);
  }

  /** A sample from {@code watcher test-alert}: every sink marks it as a test. */
  static AlertMessage sample(Alert alert) {
    return new AlertMessage(alert, true);
  }

  /** For log lines: {@code failover alert}, {@code sample recovery alert}, {@code ... notice}. */
  String describe();
}
