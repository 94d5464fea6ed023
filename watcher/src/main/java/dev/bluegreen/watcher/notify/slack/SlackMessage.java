package dev.bluegreen.watcher.notify.slack;

import static dev.bluegreen.watcher.notify.slack.Mrkdwn.escape;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.notify.AlertText;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Slack message for an alert or a notice: Block Kit (a header, what happened and what to do,
 * the facts as fields, where it came from) with a plain {@code text} fallback for notifications.
 * Every value from a log line is passed through {@link Mrkdwn#escape}; headers hold none.
 */
public final class SlackMessage {
  private SlackMessage() {}

  /** The payload for an incoming webhook, as a map Jackson writes as-is. */
  public static Map<String, Object> of(Message message, String instance) {
    return message.alert() != null
        ? alert(message.alert(), instance, message.sample())
        : notice(message.notice(), instance);
  }

  static Map<String, Object> alert(Alert alert, String instance, boolean sample) {
    String test = sample ? "[TEST] " : "";
    List<Object> blocks = new ArrayList<>();
    blocks.add(header(test + headline(alert)));
    blocks.add(section(story(alert)));
    blocks.add(fields(facts(alert)));
    List<String> context = new ArrayList<>();
    context.add(
        escape(instance) + " · " + escape(alert.where().file()) + " line " + alert.where().line());
    if (sample) {
      context.add("Sent by `watcher test-alert`: a sample, not a real incident.");
    }
    blocks.add(context(String.join("\n", context)));
    return payload(test + fallback(alert, instance), blocks);
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
            + escape(notice.detail());
    return payload(
        escape(notice.title()) + " (" + escape(instance) + "): " + escape(notice.detail()),
        List.of(context(line)));
  }

  private static String headline(Alert alert) {
    return switch (alert.kind()) {
      case FAILOVER ->
          alert.reminder() ? ":rotating_light: Still failed over" : ":rotating_light: Failover";
      case RECOVERY -> ":white_check_mark: Recovered: traffic is back on the primary";
      case ERROR_RATE ->
          alert.reminder()
              ? ":fire: Error rate still above threshold"
              : ":fire: Error rate above threshold";
      case ERROR_RATE_RESOLVED -> ":white_check_mark: Error rate back to normal";
    };
  }

  /** What happened and what to do, in a sentence or two. */
  private static String story(Alert alert) {
    String from = "*" + escape(alert.from()) + "*";
    String to = "*" + escape(alert.to()) + "*";
    ErrorRate rate = alert.rate();
    return switch (alert.kind()) {
      case FAILOVER ->
          alert.reminder()
              ? "Traffic is *still* on "
                  + to
                  + ", not "
                  + from
                  + ", since the last alert."
                  + " Runbook: FAILOVER."
              : "Nginx moved traffic from "
                  + from
                  + " to "
                  + to
                  + ": "
                  + from
                  + " failed or timed out and requests were retried on "
                  + to
                  + ", so clients were most likely served. Find out why "
                  + from
                  + " fails (runbook: FAILOVER).";
      case RECOVERY ->
          to
              + " is serving again after traffic ran on "
              + from
              + ". Check that the error rate settles.";
      case ERROR_RATE ->
          "*"
              + AlertText.percent(rate.percent())
              + "%* of the last *"
              + rate.requests()
              + "* requests failed (threshold "
              + AlertText.percent(rate.thresholdPercent())
              + "%).\n*"
              + rate.clientErrors()
              + "* seen by clients (users got a 5xx) · *"
              + rate.hiddenErrors()
              + "* hidden by Nginx retries (a pool is failing)."
              + (rate.clientErrors() > 0 ? " Users are affected: act now." : "")
              + " Runbook: ERROR RATE.";
      case ERROR_RATE_RESOLVED ->
          "The error rate is back down to *"
              + AlertText.percent(rate.percent())
              + "%* of the last *"
              + rate.requests()
              + "* requests (alerts above "
              + AlertText.percent(rate.thresholdPercent())
              + "%, resolved at or below "
              + AlertText.percent(rate.thresholdPercent() / 2)
              + "%).";
    };
  }

  private static List<String> facts(Alert alert) {
    List<String> facts = new ArrayList<>();
    ErrorRate rate = alert.rate();
    if (rate == null) {
      facts.add("*From*\n" + escape(alert.from()));
      facts.add("*To*\n" + escape(alert.to()));
      facts.add("*Release*\n" + (alert.release() == null ? "not logged" : escape(alert.release())));
    } else {
      facts.add("*Seen by clients*\n" + rate.clientErrors());
      facts.add("*Hidden by retries*\n" + rate.hiddenErrors());
      facts.add("*Window*\nlast " + rate.requests() + " requests");
      facts.add("*Threshold*\nabove " + AlertText.percent(rate.thresholdPercent()) + "%");
    }
    facts.add("*When (log time)*\n" + date(alert.at()));
    return facts;
  }

  /** The plain text Slack shows in notifications and where blocks cannot be shown. */
  private static String fallback(Alert alert, String instance) {
    String on = " on " + escape(instance) + ": ";
    String from = escape(alert.from());
    String to = escape(alert.to());
    ErrorRate rate = alert.rate();
    return switch (alert.kind()) {
      case FAILOVER ->
          alert.reminder()
              ? "Still failed over" + on + "traffic is on " + to + ", not " + from
              : "Failover"
                  + on
                  + "traffic moved from "
                  + from
                  + " to "
                  + to
                  + (alert.release() == null ? "" : " (release " + escape(alert.release()) + ")");
      case RECOVERY -> "Recovered" + on + "traffic is back on " + to + " from " + from;
      case ERROR_RATE ->
          (alert.reminder() ? "Error rate still above threshold" : "Error rate above threshold")
              + on
              + AlertText.percent(rate.percent())
              + "% of the last "
              + rate.requests()
              + " requests failed ("
              + rate.clientErrors()
              + " seen by clients, "
              + rate.hiddenErrors()
              + " hidden by retries; threshold "
              + AlertText.percent(rate.thresholdPercent())
              + "%)";
      case ERROR_RATE_RESOLVED ->
          "Error rate back to normal"
              + on
              + AlertText.percent(rate.percent())
              + "% of the last "
              + rate.requests()
              + " requests failed (threshold "
              + AlertText.percent(rate.thresholdPercent())
              + "%)";
    };
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
