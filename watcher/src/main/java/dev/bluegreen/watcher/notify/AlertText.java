package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.FlappingAlert;
import dev.bluegreen.watcher.detect.PoolAlert;
import java.util.Locale;

/**
 * One readable line per alert, for terminals and the dry-run console: when, the severity (padded so
 * columns align), what happened, where in the log.
 */
public final class AlertText {
  private AlertText() {}

  public static String toLine(Alert alert) {
    return String.format(
        Locale.ROOT,
        "%s  %-8s  %s%s  [%s]",
        alert.at(),
        alert.severity().wireName(),
        summary(alert),
        alert.evidence() == null ? "" : "  why: " + alert.evidence().describe(),
        alert.where());
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

  private static String rateText(ErrorRate rate) {
    return String.format(
        Locale.ROOT,
        "%s%% of the last %d requests failed (%d seen by clients, %d hidden by retries;"
            + " threshold %s%%)",
        percent(rate.percent()),
        rate.requests(),
        rate.clientErrors(),
        rate.hiddenErrors(),
        percent(rate.thresholdPercent()));
  }

  /** 2 -> "2", 2.5 -> "2.5", 3.3333 -> "3.33". */
  public static String percent(double value) {
    double rounded = Math.round(value * 100) / 100.0;
    return rounded == Math.rint(rounded)
        ? Long.toString((long) rounded)
        : String.format(Locale.ROOT, "%s", rounded);
  }
}
