package dev.bluegreen.watcher.notify.slack;

import static dev.bluegreen.watcher.notify.AlertText.percent;
import static dev.bluegreen.watcher.notify.AlertText.rateText;
import static dev.bluegreen.watcher.notify.slack.Mrkdwn.escape;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.FlappingAlert;
import dev.bluegreen.watcher.detect.Latency;
import dev.bluegreen.watcher.detect.LatencyAlert;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.detect.Severity;
import dev.bluegreen.watcher.detect.StandbyAlert;
import java.util.List;

/**
 * What a Slack alert says, by kind: the header, what happened and what to do, the facts, and the
 * plain-text fallback; {@link SlackMessage} lays them out. Every logged value is escaped.
 *
 * @param headline the header's title (plain text; {@link SlackMessage} adds the severity)
 * @param story what happened and what to do, in mrkdwn
 * @param facts the kind's own fields, in mrkdwn ({@code *From*\nblue})
 * @param fallback what Slack shows in notifications
 */
record SlackAlertText(String headline, String story, List<String> facts, String fallback) {

  static SlackAlertText of(Alert alert, String instance) {
    String on = " on " + escape(instance) + ": ";
    if (alert instanceof PoolAlert pool) {
      return pool.afterFlapping() ? settled(pool, on) : pool(pool, on);
    }
    if (alert instanceof FlappingAlert flapping) {
      return flapping(flapping, on);
    }
    if (alert instanceof LatencyAlert latency) {
      return latency(latency, on);
    }
    if (alert instanceof StandbyAlert standby) {
      return SlackStandbyText.of(standby, on);
    }
    return errorRate((ErrorRateAlert) alert, on); // Alert is sealed: the only other kind
  }

  private static SlackAlertText latency(LatencyAlert alert, String on) {
    Latency latency = alert.latency();
    String window = "the last " + latency.requests() + " requests";
    String slowest =
        latency.slowestMillis()
            + " ms"
            + (latency.slowestRequestId() == null
                ? ""
                : "\nrequest " + escape(latency.slowestRequestId()))
            + (latency.slowestAt() == null ? "" : "\n" + escape(latency.slowestAt().toString()));
    List<String> facts =
        List.of(
            "*p99*\n" + latency.p99Millis() + " ms",
            "*Median*\n" + latency.p50Millis() + " ms",
            "*Threshold*\np99 above " + latency.thresholdMillis() + " ms",
            "*Slowest*\n" + slowest);
    // the fallback line after its headline: where, and the p99 against the threshold
    String p99Line =
        on
            + "p99 "
            + latency.p99Millis()
            + " ms over "
            + window
            + " (threshold "
            + latency.thresholdMillis()
            + " ms)";
    if (alert.kind() == AlertKind.LATENCY_RESOLVED) {
      return new SlackAlertText(
          "Latency back to normal",
          "The p99 request time is back down to *"
              + latency.p99Millis()
              + " ms* over "
              + window
              + " (alerts above "
              + latency.thresholdMillis()
              + " ms, resolved at or below "
              + latency.resolveMillis()
              + " ms).",
          facts,
          "Latency back to normal" + p99Line);
    }
    String headline = alert.reminder() ? "Requests still slow" : "Requests slow";
    return new SlackAlertText(
        ":snail: " + headline,
        "The p99 request time is *"
            + latency.p99Millis()
            + " ms* over "
            + window
            + " (threshold "
            + latency.thresholdMillis()
            + " ms; median "
            + latency.p50Millis()
            + " ms). Requests still succeed, slowly: find the slow pool or endpoint before"
            + " Nginx starts timing out. Runbook: LATENCY.",
        facts,
        headline + p99Line);
  }

  private static SlackAlertText flapping(FlappingAlert alert, String on) {
    String from = escape(alert.from());
    String to = escape(alert.to());
    return new SlackAlertText(
        "Flapping: traffic goes back and forth",
        "Traffic left *"
            + from
            + "* "
            + alert.episodes()
            + " times since "
            + alert.since()
            + "; it is on *"
            + to
            + "* now. No more pool alerts until one pool serves alone for a while: the next"
            + " message says where traffic settled. Runbook: FLAPPING.",
        List.of(
            "*Primary*\n" + from,
            "*Serving now*\n" + to,
            "*Failovers*\n" + alert.episodes() + " since " + alert.since()),
        "Flapping"
            + on
            + "traffic left "
            + from
            + " "
            + alert.episodes()
            + " times since "
            + alert.since()
            + ", now on "
            + to);
  }

  private static SlackAlertText settled(PoolAlert alert, String on) {
    boolean recovered = alert.kind() == AlertKind.RECOVERY;
    String to = escape(alert.to());
    String headline =
        recovered
            ? "Settled after flapping: back on the primary"
            : "Settled after flapping: failed over";
    return new SlackAlertText(
        headline,
        "After flapping, traffic has settled on *"
            + to
            + "*."
            + (recovered
                ? " Check that the error rate settles and find out why the pools flapped."
                : " *" + escape(alert.from()) + "* still fails: runbook FAILOVER."),
        List.of(
            "*From*\n" + escape(alert.from()),
            "*To*\n" + to,
            "*Release*\n" + (alert.release() == null ? "not logged" : escape(alert.release()))),
        "Settled after flapping" + on + "traffic is on " + to);
  }

  private static SlackAlertText pool(PoolAlert alert, String on) {
    String from = escape(alert.from());
    String to = escape(alert.to());
    String bold = "*" + from + "*";
    String boldTo = "*" + to + "*";
    List<String> facts =
        List.of(
            "*From*\n" + from,
            "*To*\n" + to,
            "*Release*\n" + (alert.release() == null ? "not logged" : escape(alert.release())));
    if (alert.kind() == AlertKind.RECOVERY) {
      return new SlackAlertText(
          "Recovered: traffic is back on the primary",
          boldTo
              + " is serving again after traffic ran on "
              + bold
              + ". Check that the error rate"
              + " settles.",
          facts,
          "Recovered" + on + "traffic is back on " + to + " from " + from);
    }
    if (alert.reminder()) {
      return new SlackAlertText(
          "Still failed over",
          "Traffic is *still* on "
              + boldTo
              + ", not "
              + bold
              + ", since the last alert."
              + " Runbook: FAILOVER.",
          facts,
          "Still failed over" + on + "traffic is on " + to + ", not " + from);
    }
    return new SlackAlertText(
        "Failover",
        "Nginx moved traffic from "
            + bold
            + " to "
            + boldTo
            + ": "
            + bold
            + " failed or timed out and requests were retried on "
            + boldTo
            + ", so clients were most likely served. Find out why "
            + bold
            + " fails (runbook: FAILOVER).",
        facts,
        "Failover"
            + on
            + "traffic moved from "
            + from
            + " to "
            + to
            + (alert.release() == null ? "" : " (release " + escape(alert.release()) + ")"));
  }

  private static SlackAlertText errorRate(ErrorRateAlert alert, String on) {
    ErrorRate rate = alert.rate();
    String percent = percent(rate.percent());
    String threshold = percent(rate.thresholdPercent());
    List<String> facts =
        List.of(
            "*Seen by clients*\n" + rate.clientErrors(),
            "*Hidden by retries*\n" + rate.hiddenErrors(),
            "*Window*\nlast " + rate.requests() + " requests",
            "*Threshold*\nabove " + threshold + "%");
    if (alert.kind() == AlertKind.ERROR_RATE_RESOLVED) {
      return new SlackAlertText(
          "Error rate back to normal",
          "The error rate is back down to *"
              + percent
              + "%* of the last *"
              + rate.requests()
              + "* requests (alerts above "
              + threshold
              + "%, resolved at or below "
              + percent(rate.resolvePercent())
              + "%).",
          facts,
          "Error rate back to normal"
              + on
              + percent
              + "% of the last "
              + rate.requests()
              + " requests failed (threshold "
              + threshold
              + "%)");
    }
    String above =
        alert.escalated()
            ? "Clients now see the errors"
            : alert.reminder() ? "Error rate still above threshold" : "Error rate above threshold";
    return new SlackAlertText(
        "" + above,
        "*"
            + percent
            + "%* of the last *"
            + rate.requests()
            + "* requests failed (threshold "
            + threshold
            + "%).\n*"
            + rate.clientErrors()
            + "* seen by clients (users got a 5xx) · *"
            + rate.hiddenErrors()
            + "* hidden by Nginx retries (a pool is failing)."
            + (alert.escalated()
                ? " It was a warning (retries hid the errors); now the errors clients see alone are"
                    + " above the threshold."
                : "")
            + (alert.severity() == Severity.CRITICAL ? " Users are affected: act now." : "")
            + " Runbook: ERROR RATE.",
        facts,
        above + on + rateText(rate));
  }
}
