package dev.bluegreen.watcher.doctor;

import dev.bluegreen.watcher.notify.Receipt;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether alerts can leave: each configured sink (Slack, webhook, Alertmanager) either took a test
 * alert, as {@code watcher test-alert} sends it, or, with {@code --no-send}, answered a GET at all
 * (nothing posted, so nothing shows in the channel).
 */
public final class SinkCheck {
  /** Check name on every line this class makes. */
  public static final String NAME = "alerts";

  private static final String RUNBOOK = "see runbook.md, 'When alerts do not arrive'";

  private SinkCheck() {}

  /** No sink configured: alerts only print to stdout (the journal, for the service). */
  public static Check none() {
    return Check.warn(
        NAME,
        "no sink is configured: alerts only print to stdout (the journal, for the service)",
        "set SLACK_WEBHOOK_URL, ALERT_WEBHOOK_URL or ALERTMANAGER_URL");
  }

  /** What each sink answered to the test alert; the console (the dry run) is left out. */
  public static List<Check> sent(List<String> sinks, List<Receipt> receipts) {
    List<Check> checks = new ArrayList<>();
    for (String sink : sinks) {
      Receipt receipt =
          receipts.stream().filter(r -> r.sink().equals(sink)).findFirst().orElse(null);
      if (receipt == null) {
        checks.add(Check.fail(NAME, sink + " did not answer the test alert in time", RUNBOOK));
      } else if (receipt.outcome() == Receipt.Outcome.DELIVERED) {
        checks.add(
            Check.ok(
                NAME,
                sink
                    + " accepted a test alert"
                    + (receipt.attempts() > 1
                        ? " after " + receipt.attempts() + " attempts"
                        : "")));
      } else {
        checks.add(
            Check.fail(
                NAME,
                sink
                    + " did not take the test alert: "
                    + receipt.outcome()
                    + ": "
                    + receipt.reason(),
                RUNBOOK));
      }
    }
    return checks;
  }

  /** A sink's URL answered a GET with HTTP {@code code}: it is reachable; nothing was posted. */
  public static Check answered(String sink, String where, int code) {
    return Check.ok(
        NAME, sink + " at " + where + " answers (HTTP " + code + " to a GET; nothing posted)");
  }

  /** A sink's URL did not answer: the alerts would not leave. */
  public static Check noAnswer(String sink, String where, String reason) {
    return Check.fail(
        NAME,
        sink + " at " + where + " does not answer: " + reason,
        "check the URL, DNS, the firewall or the proxy; " + RUNBOOK);
  }
}
