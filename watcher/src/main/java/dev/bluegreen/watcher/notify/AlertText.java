package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.ErrorRate;
import java.util.Locale;

/** One readable line per alert, for terminals and the dry-run console. */
public final class AlertText {
  private AlertText() {}

  public static String toLine(Alert alert) {
    return alert.at() + "  " + summary(alert) + "  [" + alert.where() + "]";
  }

  /** What happened, without when and where: {@code FAILOVER traffic moved from blue to green}. */
  public static String summary(Alert alert) {
    String what =
        switch (alert.kind()) {
          case FAILOVER ->
              alert.reminder()
                  ? "FAILOVER (still)  traffic is still on " + alert.to() + ", not " + alert.from()
                  : "FAILOVER  traffic moved from " + alert.from() + " to " + alert.to();
          case RECOVERY -> "RECOVERY  traffic is back on " + alert.to() + " from " + alert.from();
          case ERROR_RATE ->
              (alert.reminder() ? "ERROR RATE (still)  " : "ERROR RATE  ") + rateText(alert.rate());
          case ERROR_RATE_RESOLVED -> "RESOLVED  error rate back down: " + rateText(alert.rate());
        };
    if (alert.release() != null) {
      what += " (release " + alert.release() + ")";
    }
    return what;
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
