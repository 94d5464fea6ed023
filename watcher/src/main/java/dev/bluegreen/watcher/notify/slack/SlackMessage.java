package dev.bluegreen.watcher.notify.slack;

import static dev.bluegreen.watcher.notify.slack.Mrkdwn.escape;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.Evidence;
import dev.bluegreen.watcher.detect.Severity;
import dev.bluegreen.watcher.detect.StandbyAlert;
import dev.bluegreen.watcher.notify.AlertMessage;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Slack message for an alert or a notice: Block Kit (a header, what happened and what to do,
 * the facts as fields, where it came from) with a plain {@code text} fallback for notifications;
 * the header and the fallback lead with the severity (red for critical, yellow for warning); the
 * words are {@link SlackAlertText}'s. Every value from a log line is passed through {@link
 * Mrkdwn#escape}; headers hold none.
 */
public final class SlackMessage {
  private SlackMessage() {}

  /** The payload for an incoming webhook, as a map Jackson writes as-is. */
  public static Map<String, Object> of(Message message, String instance) {
    return message instanceof AlertMessage alert
        ? alert(alert.alert(), instance, alert.sample())
        : notice((Notice) message, instance);
  }

  static Map<String, Object> alert(Alert alert, String instance, boolean sample) {
    SlackAlertText text = SlackAlertText.of(alert, instance);
    String test = sample ? "[TEST] " : "";
    List<String> facts = new ArrayList<>(text.facts());
    boolean closes = alert.kind().closesIncident();
    String severity = alert.severity().wireName();
    facts.add("*Severity*\n" + (closes ? "was " + severity : severity));
    if (alert.evidence() != null) {
      facts.add("*Why (last 30 s of log)*\n" + why(alert.evidence()));
    }
    facts.add("*When (log time)*\n" + date(alert.at()));
    String badge = closes ? "" : severity.toUpperCase(Locale.ROOT) + ": ";
    List<Object> blocks = new ArrayList<>();
    blocks.add(header(test + emoji(alert) + " " + badge + text.headline()));
    blocks.add(section(text.story()));
    blocks.add(fields(facts));
    List<String> context = new ArrayList<>();
    context.add(
        escape(instance)
            + " · "
            + (alert instanceof StandbyAlert standby
                ? "health checks of " + escape(standby.pool())
                : escape(alert.where().file()) + " line " + alert.where().line()));
    if (sample) {
      context.add("Sent by `watcher test-alert`: a sample, not a real incident.");
    }
    blocks.add(context(String.join("\n", context)));
    return payload(test + badge + text.fallback(), blocks);
  }

  /** The evidence, each logged value escaped on its own (each is cut at its own length). */
  private static String why(Evidence why) {
    String what =
        why.pool() == null
            ? "errors " + why.statusText()
            : escape(why.pool())
                + ": "
                + why.failed()
                + " of "
                + why.attempts()
                + " attempts failed"
                + (why.statuses().isEmpty() ? "" : " (" + why.statusText() + ")");
    return what
        + (why.address() == null ? "" : "\nat " + escape(why.address()))
        + (why.requestId() == null ? "" : "\nrequest_id " + escape(why.requestId()));
  }

  /** The header's colour: red when users are hurt, yellow when not yet, green when it is over. */
  private static String emoji(Alert alert) {
    if (alert.kind().closesIncident()) {
      return ":white_check_mark:";
    }
    return alert.severity() == Severity.CRITICAL ? ":red_circle:" : ":large_yellow_circle:";
  }

  static Map<String, Object> notice(Notice notice, String instance) {
    String line =
        ":information_source: *"
            + escape(notice.title())
            + "* · "
            + escape(instance)
            + " · "
            + date(notice.at())
            + "\n"
            + (notice instanceof Notice.Summary summary ? lines(summary) : escape(notice.detail()));
    return payload(
        escape(notice.title()) + " (" + escape(instance) + "): " + escape(notice.detail()),
        List.of(context(line)));
  }

  /** A summary's episodes, one line each (a line holds two short pool names and two times). */
  private static String lines(Notice.Summary summary) {
    StringBuilder text = new StringBuilder();
    for (String line : summary.lines()) {
      text.append(text.length() == 0 ? "• " : "\n• ").append(Mrkdwn.escape(line, 200));
    }
    return summary.more() > 0 ? text + "\n… and " + summary.more() + " more" : text.toString();
  }

  /** Shown in each reader's own time zone; the fallback after {@code |} is UTC. */
  static String date(Instant at) {
    return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time_secs}|" + at + ">";
  }

  private static Map<String, Object> payload(String text, List<Object> blocks) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("text", text);
    payload.put("blocks", blocks);
    return payload;
  }

  private static Map<String, Object> header(String text) {
    return Map.of(
        "type", "header", "text", Map.of("type", "plain_text", "text", text, "emoji", true));
  }

  private static Map<String, Object> section(String mrkdwn) {
    return Map.of("type", "section", "text", mrkdwn(mrkdwn));
  }

  private static Map<String, Object> fields(List<String> facts) {
    return Map.of("type", "section", "fields", facts.stream().map(SlackMessage::mrkdwn).toList());
  }

  private static Map<String, Object> context(String mrkdwn) {
    return Map.of("type", "context", "elements", List.of(mrkdwn(mrkdwn)));
  }

  private static Map<String, Object> mrkdwn(String text) {
    return Map.of("type", "mrkdwn", "text", text);
  }
}
