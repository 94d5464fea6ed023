package dev.bluegreen.watcher.notify.slack;

import static dev.bluegreen.watcher.notify.slack.Mrkdwn.escape;

import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.StandbyAlert;
import dev.bluegreen.watcher.notify.AlertText;
import java.util.List;

/** What a Slack {@code standby_down} or {@code standby_up} says: the risk, the pool, the checks. */
final class SlackStandbyText {
  private SlackStandbyText() {}

  static SlackAlertText of(StandbyAlert alert, String on) {
    String pool = escape(alert.pool());
    String text = escape(AlertText.standbyText(alert), 300);
    List<String> facts =
        List.of(
            "*Pool*\n" + pool,
            "*Serving now*\n" + escape(alert.serving()),
            "*Failed in a row*\n" + alert.failuresInRow(),
            "*Last error*\n" + (alert.lastError() == null ? "none" : escape(alert.lastError())));
    if (alert.kind() == AlertKind.STANDBY_UP) {
      String headline = "Standby up: " + pool;
      return new SlackAlertText(headline, text + ".", facts, headline + on + text);
    }
    String headline = (alert.reminder() ? "Standby still down: " : "Standby down: ") + pool;
    return new SlackAlertText(
        headline,
        "*"
            + escape(AlertText.standbyRisk(alert), 300)
            + "* ("
            + alert.failuresInRow()
            + " checks failed in a row). No request shows this, the health checks do; users are"
            + " not hurt yet, the next failover would hurt them. Runbook: STANDBY DOWN.",
        facts,
        headline + on + text);
  }
}
