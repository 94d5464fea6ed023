package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.detect.LineRef;
import java.time.Instant;

/** Alerts as the detectors produce them, for driving delivery directly. */
public final class Samples {
  public static final Instant AT = Instant.parse("2025-01-01T03:04:05Z");
  public static final LineRef WHERE = new LineRef("access.log", 1234);

  private Samples() {}

  public static Alert failover() {
    return failover("blue", "green", "green-1.4.2");
  }

  public static Alert failover(String from, String to, String release) {
    return new Alert(AlertKind.FAILOVER, AT, WHERE, from, to, release, null, false);
  }

  public static Alert recovery() {
    return new Alert(
        AlertKind.RECOVERY, AT.plusSeconds(300), WHERE, "green", "blue", "blue-1.4.1", null, false);
  }

  public static Alert errorRate() {
    return new Alert(
        AlertKind.ERROR_RATE, AT, WHERE, null, null, null, new ErrorRate(200, 3, 6, 2.0), false);
  }

  public static Alert resolved() {
    return new Alert(
        AlertKind.ERROR_RATE_RESOLVED,
        AT.plusSeconds(120),
        WHERE,
        null,
        null,
        null,
        new ErrorRate(200, 1, 0, 2.0),
        false);
  }
}
