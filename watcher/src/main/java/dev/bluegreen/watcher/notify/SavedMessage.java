package dev.bluegreen.watcher.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.FlappingAlert;
import dev.bluegreen.watcher.detect.LineRef;
import dev.bluegreen.watcher.detect.PoolAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An undelivered {@link Message} as the state file keeps it: plain JSON values (times in epoch
 * millis), one shape for every kind, the fields a kind does not have left out.
 *
 * @param kind the alert's or notice's wire name ({@code failover}, {@code maintenance_on} ...)
 * @param at when it happened, epoch millis
 * @param sample a sample from {@code watcher test-alert}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
    Integer episodes,
    Long since,
    String sink,
    String condition,
    List<String> lines,
    Integer more,
    Boolean sample) {

  public static SavedMessage of(Message message) {
    if (message instanceof AlertMessage alert) {
      return of(alert);
    }
    Notice notice = (Notice) message; // Message is sealed: the only other kind
    String kind = notice.kind().wireName();
    long at = notice.at().toEpochMilli();
    if (notice instanceof Notice.PlannedSwitch planned) {
      return new SavedMessage(
          kind,
          at,
          null,
          planned.from(),
          planned.to(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    if (notice instanceof Notice.Summary summary) {
      return new SavedMessage(
          kind,
          at,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          summary.sink(),
          summary.condition(),
          summary.lines(),
          summary.more(),
          null);
    }
    return new SavedMessage(
        kind, at, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  private static SavedMessage of(AlertMessage message) {
    Boolean sample = message.sample() ? true : null;
    long at = message.alert().at().toEpochMilli();
    String kind = message.alert().kind().wireName();
    if (message.alert() instanceof PoolAlert pool) {
      return new SavedMessage(
          kind,
          at,
          pool.where(),
          pool.from(),
          pool.to(),
          pool.release(),
          pool.reminder(),
          pool.afterFlapping(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          sample);
    }
    if (message.alert() instanceof FlappingAlert flapping) {
      return new SavedMessage(
          kind,
          at,
          flapping.where(),
          flapping.from(),
          flapping.to(),
          null,
          null,
          null,
          null,
          flapping.episodes(),
          flapping.since().toEpochMilli(),
          null,
          null,
          null,
          null,
          sample);
    }
    ErrorRateAlert rate = (ErrorRateAlert) message.alert();
    return new SavedMessage(
        kind,
        at,
        rate.where(),
        null,
        null,
        null,
        rate.reminder(),
        null,
        rate.rate(),
        null,
        null,
        null,
        null,
        null,
        null,
        sample);
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
        };
      }
    }
    throw new IllegalArgumentException("unknown message kind: " + kind);
  }

  private dev.bluegreen.watcher.detect.Alert alert(AlertKind alertKind, Instant when) {
    return switch (alertKind) {
      case FAILOVER, RECOVERY ->
          new PoolAlert(
              alertKind,
              when,
              where,
              from,
              to,
              release,
              Boolean.TRUE.equals(reminder),
              Boolean.TRUE.equals(afterFlapping));
      case FLAPPING ->
          new FlappingAlert(when, where, from, to, episodes, Instant.ofEpochMilli(since));
      default -> new ErrorRateAlert(alertKind, when, where, rate, Boolean.TRUE.equals(reminder));
    };
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
