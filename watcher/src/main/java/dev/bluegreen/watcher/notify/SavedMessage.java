package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An undelivered {@link Message} as the state file keeps it: plain JSON values (times in epoch
 * millis), one shape for every kind, the fields a kind does not have left out (state/OutboxJson).
 *
 * @param kind the alert's or notice's wire name ({@code failover}, {@code maintenance_on} ...)
 * @param at when it happened, epoch millis
 * @param severity an error-rate alert's severity's wire name; absent in files saved before it, then
 *     the one its rate shows
 * @param escalated an error-rate episode that turned critical
 * @param evidence why, from the log (failovers and error-rate spikes)
 * @param latency a latency alert's request times
 * @param lines a summary's episodes, or the reason of a blind or seeing-again notice
 * @param sample a sample from {@code watcher test-alert}
 * @param pool a standby alert's probed pool ({@code from} is the pool serving then)
 * @param failures a standby alert's checks failed in a row
 * @param error a standby alert's last error
 */
public record SavedMessage(
    String kind,
    long at,
    LineRef where,
    String from,
    String to,
    String release,
    Boolean reminder,
    Boolean afterFlapping,
    ErrorRate rate,
    String severity,
    Boolean escalated,
    Evidence evidence,
    Latency latency,
    Integer episodes,
    Long since,
    String sink,
    String condition,
    List<String> lines,
    Integer more,
    Boolean sample,
    String pool,
    Integer failures,
    String error) {

  public static SavedMessage of(Message message) {
    if (message instanceof AlertMessage alert) {
      return of(alert);
    }
    Notice notice = (Notice) message; // Message is sealed: the only other kind
    Draft draft = new Draft(notice.kind().wireName(), notice.at());
    if (notice instanceof Notice.PlannedSwitch planned) {
      draft.from = planned.from();
      draft.to = planned.to();
    }
    if (notice instanceof Notice.Summary summary) {
      draft.sink = summary.sink();
      draft.condition = summary.condition();
      draft.lines = summary.lines();
      draft.more = summary.more();
    }
    if (notice instanceof Notice.Sight sight) {
      draft.lines = List.of(sight.why()); // the kind says blind or seeing
    }
    return draft.saved();
  }

  private static SavedMessage of(AlertMessage message) {
    Alert alert = message.alert();
    Draft draft = new Draft(alert.kind().wireName(), alert.at());
    draft.sample = message.sample() ? true : null;
    draft.where = alert.where();
    draft.evidence = alert.evidence();
    if (alert instanceof PoolAlert pool) {
      draft.from = pool.from();
      draft.to = pool.to();
      draft.release = pool.release();
      draft.reminder = pool.reminder();
      draft.afterFlapping = pool.afterFlapping();
    } else if (alert instanceof FlappingAlert flapping) {
      draft.from = flapping.from();
      draft.to = flapping.to();
      draft.episodes = flapping.episodes();
      draft.since = flapping.since().toEpochMilli();
    } else if (alert instanceof LatencyAlert slow) {
      draft.latency = slow.latency();
      draft.reminder = slow.reminder();
    } else if (alert instanceof StandbyAlert standby) {
      draft.pool = standby.pool();
      draft.from = standby.serving();
      draft.failures = standby.failuresInRow();
      draft.error = standby.lastError();
      draft.reminder = standby.reminder();
    } else {
      ErrorRateAlert rate = (ErrorRateAlert) alert; // Alert is sealed: the only other kind
      draft.rate = rate.rate();
      draft.reminder = rate.reminder();
      draft.severity = rate.severity().wireName();
      draft.escalated = rate.escalated() ? true : null;
    }
    return draft.saved();
  }

  /** The message again; throws {@link IllegalArgumentException} for a kind this version lacks. */
  public Message message() {
    Instant when = Instant.ofEpochMilli(at);
    for (AlertKind alertKind : AlertKind.values()) {
      if (alertKind.wireName().equals(kind)) {
        return new AlertMessage(alert(alertKind, when), Boolean.TRUE.equals(sample));
      }
    }
    for (NoticeKind noticeKind : NoticeKind.values()) {
      if (noticeKind.wireName().equals(kind)) {
        return switch (noticeKind) {
          case MAINTENANCE_ON -> Notice.maintenanceOn(when);
          case MAINTENANCE_OFF -> Notice.maintenanceOff(when);
          case PLANNED_SWITCH -> Notice.plannedSwitch(when, from, to);
          case UNREACHABLE_SUMMARY ->
              new Notice.Summary(when, sink, condition, lines, more == null ? 0 : more);
          case WATCHER_BLIND, WATCHER_SEES ->
              new Notice.Sight(
                  noticeKind == NoticeKind.WATCHER_BLIND,
                  when,
                  lines.isEmpty() ? "" : lines.get(0));
        };
      }
    }
    throw new IllegalArgumentException("unknown message kind: " + kind);
  }

  private Alert alert(AlertKind alertKind, Instant when) {
    boolean again = Boolean.TRUE.equals(reminder);
    return switch (alertKind) {
      case FAILOVER, RECOVERY ->
          new PoolAlert(
              alertKind,
              when,
              where,
              from,
              to,
              release,
              again,
              Boolean.TRUE.equals(afterFlapping),
              evidence);
      case FLAPPING ->
          new FlappingAlert(when, where, from, to, episodes, Instant.ofEpochMilli(since));
      case LATENCY, LATENCY_RESOLVED -> new LatencyAlert(alertKind, when, where, latency, again);
      case STANDBY_DOWN, STANDBY_UP ->
          new StandbyAlert(
              alertKind, when, pool, from, failures == null ? 0 : failures, error, again);
      default ->
          new ErrorRateAlert(
              alertKind,
              when,
              where,
              rate,
              severity == null
                  ? rate.severity()
                  : Severity.valueOf(severity.toUpperCase(Locale.ROOT)),
              again,
              Boolean.TRUE.equals(escalated),
              evidence);
    };
  }

  /** A saved message being filled in: the fields its kind does not have stay null. */
  private static final class Draft {
    private final String kind;
    private final long at;
    private LineRef where;
    private String from;
    private String to;
    private String release;
    private Boolean reminder;
    private Boolean afterFlapping;
    private ErrorRate rate;
    private String severity;
    private Boolean escalated;
    private Evidence evidence;
    private Latency latency;
    private Integer episodes;
    private Long since;
    private String sink;
    private String condition;
    private List<String> lines;
    private Integer more;
    private Boolean sample;
    private String pool;
    private Integer failures;
    private String error;

    Draft(String kind, Instant at) {
      this.kind = kind;
      this.at = at.toEpochMilli();
    }

    SavedMessage saved() {
      return new SavedMessage(
          kind,
          at,
          where,
          from,
          to,
          release,
          reminder,
          afterFlapping,
          rate,
          severity,
          escalated,
          evidence,
          latency,
          episodes,
          since,
          sink,
          condition,
          lines,
          more,
          sample,
          pool,
          failures,
          error);
    }
  }

  /** Each sink's undelivered messages in their saved form. */
  public static Map<String, List<SavedMessage>> save(Map<String, List<Message>> undelivered) {
    Map<String, List<SavedMessage>> saved = new LinkedHashMap<>();
    undelivered.forEach(
        (sink, messages) -> saved.put(sink, messages.stream().map(SavedMessage::of).toList()));
    return saved;
  }

  /**
   * The messages again; one of a kind this version does not know (a newer watcher wrote it) is left
   * out and counted in {@code unknown}.
   */
  public static Map<String, List<Message>> load(
      Map<String, List<SavedMessage>> saved, List<String> unknown) {
    Map<String, List<Message>> messages = new LinkedHashMap<>();
    saved.forEach(
        (sink, list) -> {
          List<Message> loaded = new ArrayList<>();
          for (SavedMessage message : list == null ? List.<SavedMessage>of() : list) {
            try {
              loaded.add(message.message());
            } catch (RuntimeException notThisVersion) {
              unknown.add(sink + ": " + message.kind());
            }
          }
          messages.put(sink, loaded);
        });
    return messages;
  }
}
