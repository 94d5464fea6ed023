package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.Evidence;
import dev.bluegreen.watcher.detect.FlappingAlert;
import dev.bluegreen.watcher.detect.Latency;
import dev.bluegreen.watcher.detect.LatencyAlert;
import dev.bluegreen.watcher.detect.LineRef;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.detect.Severity;
import dev.bluegreen.watcher.detect.StandbyAlert;
import java.time.Instant;
import java.util.List;

/** Alerts as the detectors produce them, for driving delivery directly. */
public final class Samples {
  public static final Instant AT = Instant.parse("2025-01-01T03:04:05Z");
  public static final LineRef WHERE = new LineRef("access.log", 1234);

  private Samples() {}

  public static PoolAlert failover() {
    return failover("blue", "green", "green-1.4.2");
  }

  public static PoolAlert failover(String from, String to, String release) {
    return new PoolAlert(AlertKind.FAILOVER, AT, WHERE, from, to, release, false, false);
  }

  /** A failover citing blue's attempts of the last 30 s. */
  public static PoolAlert failoverWithEvidence() {
    return failover().withEvidence(BLUE_FAILING);
  }

  /** Blue failed every attempt of the last 30 s. */
  public static final Evidence BLUE_FAILING =
      new Evidence(
          "blue",
          "10.0.0.2:3000",
          6,
          6,
          List.of(new Evidence.StatusCount(500, 6)),
          "6a1b0c9d2e3f40516273849a5b6c7d8e");

  public static PoolAlert recovery() {
    return new PoolAlert(
        AlertKind.RECOVERY,
        AT.plusSeconds(300),
        WHERE,
        "green",
        "blue",
        "blue-1.4.1",
        false,
        false);
  }

  public static FlappingAlert flapping() {
    return new FlappingAlert(AT, WHERE, "blue", "green", 3, AT.minusSeconds(120));
  }

  /** A spike retries mostly hid: clients saw 1.5 %, under the threshold, so a warning. */
  public static ErrorRateAlert errorRate() {
    return new ErrorRateAlert(AlertKind.ERROR_RATE, AT, WHERE, new ErrorRate(200, 3, 6, 2.0));
  }

  /** The same episode once clients saw 3 %: escalated to critical. */
  public static ErrorRateAlert escalated() {
    return new ErrorRateAlert(
        AlertKind.ERROR_RATE,
        AT.plusSeconds(60),
        WHERE,
        new ErrorRate(200, 6, 6, 2.0),
        Severity.CRITICAL,
        false,
        true,
        new Evidence(
            "blue",
            "10.0.0.2:3000",
            12,
            12,
            List.of(new Evidence.StatusCount(502, 8), new Evidence.StatusCount(500, 4)),
            "req-<b>"));
  }

  public static ErrorRateAlert resolved() {
    return new ErrorRateAlert(
        AlertKind.ERROR_RATE_RESOLVED,
        AT.plusSeconds(120),
        WHERE,
        new ErrorRate(200, 1, 0, 2.0),
        Severity.CRITICAL,
        false,
        false);
  }

  public static LatencyAlert latency() {
    return new LatencyAlert(
        AlertKind.LATENCY,
        AT,
        WHERE,
        new Latency(200, 38, 1240, 1000, 1310, new LineRef("access.log", 1230), "5f2c9a41"),
        false);
  }

  public static LatencyAlert latencyResolved() {
    return new LatencyAlert(
        AlertKind.LATENCY_RESOLVED,
        AT.plusSeconds(180),
        WHERE,
        new Latency(200, 35, 420, 1000, 480, null, null),
        false);
  }

  /** green failed its health checks while blue serves. */
  public static StandbyAlert standbyDown() {
    return new StandbyAlert(
        AlertKind.STANDBY_DOWN, AT, "green", "blue", 3, "connect refused", false);
  }

  /** green passes its health checks again. */
  public static StandbyAlert standbyUp() {
    return new StandbyAlert(AlertKind.STANDBY_UP, AT, "green", "blue", 0, null, false);
  }
}
