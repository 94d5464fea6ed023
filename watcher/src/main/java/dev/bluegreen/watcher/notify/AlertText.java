package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.FlappingAlert;
import dev.bluegreen.watcher.detect.Latency;
import dev.bluegreen.watcher.detect.LatencyAlert;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.detect.StandbyAlert;

/**
 * One readable line per alert, for terminals and the dry-run console: when, the severity (padded so
 * columns align), what happened, where in the log.
 */
public final class AlertText {
  private AlertText() {}

  public static String toLine(Alert alert) {
    String severity = alert.severity().wireName();
    return alert.at()
        + "  "
        + severity
        + " ".repeat(Math.max(0, 8 - severity.length()))
        + "  "
        + summary(alert)
        + (alert.evidence() == null ? "" : "  why: " + alert.evidence().describe())
        + "  ["
        + alert.where()
        + "]";
  }

  /** What happened, without when and where: {@code FAILOVER traffic moved from blue to green}. */
  public static String summary(Alert alert) {
    if (alert instanceof PoolAlert pool) {
      return summary(pool);
    }
    if (alert instanceof FlappingAlert flapping) {
      return "FLAPPING  traffic goes back and forth between "
          + flapping.from()
          + " and other pools: "
          + flapping.episodes()
          + " failovers since "
          + flapping.since()
          + ", now on "
          + flapping.to()
          + "; the next message says where it settles";
    }
    if (alert instanceof LatencyAlert latency) {
      return latency.kind() == AlertKind.LATENCY_RESOLVED
          ? "RESOLVED  latency back down: " + latencyText(latency.latency())
          : (latency.reminder() ? "LATENCY (still)  " : "LATENCY  ")
              + latencyText(latency.latency())
              + slowestText(latency.latency());
    }
    if (alert instanceof StandbyAlert standby) {
      return (standby.kind() == AlertKind.STANDBY_UP
              ? "STANDBY UP  "
              : standby.reminder() ? "STANDBY DOWN (still)  " : "STANDBY DOWN  ")
          + standbyText(standby);
    }
    ErrorRateAlert rate = (ErrorRateAlert) alert; // Alert is sealed: the only other kind
    if (rate.kind() == AlertKind.ERROR_RATE_RESOLVED) {
      return "RESOLVED  error rate back down: " + rateText(rate.rate());
    }
    String head =
        rate.escalated()
            ? "ERROR RATE (now critical: clients see it)  "
            : rate.reminder() ? "ERROR RATE (still)  " : "ERROR RATE  ";
    return head + rateText(rate.rate());
  }

  private static String summary(PoolAlert pool) {
    String what;
    if (pool.afterFlapping()) {
      what =
          (pool.kind() == AlertKind.RECOVERY ? "RECOVERY" : "FAILOVER")
              + "  after flapping, traffic settled on "
              + pool.to()
              + (pool.kind() == AlertKind.RECOVERY ? "" : ", not " + pool.from());
    } else if (pool.kind() == AlertKind.RECOVERY) {
      what = "RECOVERY  traffic is back on " + pool.to() + " from " + pool.from();
    } else if (pool.reminder()) {
      what = "FAILOVER (still)  traffic is still on " + pool.to() + ", not " + pool.from();
    } else {
      what = "FAILOVER  traffic moved from " + pool.from() + " to " + pool.to();
    }
    return pool.release() == null ? what : what + " (release " + pool.release() + ")";
  }

  /**
   * What a standby alert means, e.g. {@code green is down: a failover from blue would fail (3
   * checks failed in a row; last: HTTP 503)}, or {@code green is up again: a failover from blue
   * would work}.
   */
  public static String standbyText(StandbyAlert alert) {
    String pool = alert.pool();
    if (alert.kind() == AlertKind.STANDBY_UP) {
      if (!alert.servingWithoutTraffic()) {
        return pool + " is up again: a failover from " + alert.serving() + " would work";
      }
      return alert.failuresInRow() == 0
          ? pool + " is up again"
          : pool + " serves traffic now: the log shows how it does";
    }
    return standbyRisk(alert)
        + " ("
        + alert.failuresInRow()
        + " checks failed in a row"
        + (alert.lastError() == null ? "" : "; last: " + alert.lastError())
        + ")";
  }

  /**
   * The risk of a {@code standby_down} in a few words: {@code green is down: a failover from blue
   * would fail}.
   */
  public static String standbyRisk(StandbyAlert alert) {
    return alert.servingWithoutTraffic()
        ? alert.pool() + " is down and gets no traffic: requests sent to it would fail"
        : alert.pool() + " is down: a failover from " + alert.serving() + " would fail";
  }

  /**
   * The error rate in one sentence: {@code 7.5% of the last 200 requests failed (3 seen by clients,
   * 12 hidden by retries; threshold 2%)}. Concatenation, not String.format: the first alert of a
   * run pays no Formatter and locale set-up.
   */
  public static String rateText(ErrorRate rate) {
    return percent(rate.percent())
        + "% of the last "
        + rate.requests()
        + " requests failed ("
        + rate.clientErrors()
        + " seen by clients, "
        + rate.hiddenErrors()
        + " hidden by retries; threshold "
        + percent(rate.thresholdPercent())
        + "%)";
  }

  private static String latencyText(Latency latency) {
    return "p99 "
        + latency.p99Millis()
        + " ms over the last "
        + latency.requests()
        + " requests (median "
        + latency.p50Millis()
        + " ms; threshold "
        + latency.thresholdMillis()
        + " ms)";
  }

  /** "; slowest 1005 ms (request abc) at access.log:142", the parts that are known. */
  public static String slowestText(Latency latency) {
    return "; slowest "
        + latency.slowestMillis()
        + " ms"
        + (latency.slowestRequestId() == null
            ? ""
            : " (request " + latency.slowestRequestId() + ")")
        + (latency.slowestAt() == null ? "" : " at " + latency.slowestAt());
  }

  /** 2 -> "2", 2.5 -> "2.5", 3.3333 -> "3.33". */
  public static String percent(double value) {
    double rounded = Math.round(value * 100) / 100.0;
    return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
  }
}
