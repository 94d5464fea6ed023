package dev.bluegreen.watcher.detect;

import java.util.Locale;

/** How bad an alert is: {@link #CRITICAL} when users are hurt, {@link #WARNING} when not yet. */
public enum Severity {
  WARNING,
  CRITICAL;

  /** The name used in JSON, in Slack and as the Alertmanager label. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
