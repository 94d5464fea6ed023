package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;

/**
 * An alert on its way to the sinks.
 *
 * @param alert what the detectors found
 * @param sample a sample from {@code watcher test-alert}: sinks mark it as a test
 */
public record AlertMessage(Alert alert, boolean sample) implements Message {

  @Override
  public String describe() {
    return (sample ? "sample " : "") + alert.kind().wireName() + " alert";
  }
}
