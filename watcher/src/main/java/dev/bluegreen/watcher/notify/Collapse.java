package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.notify.Outbox.Dropped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One condition's pending messages in an {@link Outbox}, read in order and collapsed: announced
 * episodes' closings, the open episode's opening and latest news, and a summary of the episodes
 * that opened and closed unsent. Every message it leaves out is reported as superseded.
 */
final class Collapse {
  private final String sink;
  private final String key;
  private final boolean summaries;
  private final List<Dropped> drops;
  private final List<Message> closings = new ArrayList<>(); // of episodes announced before
  private final List<String> lines = new ArrayList<>();
  private Notice.Summary summary;
  private AlertMessage opening; // of the episode being read, if pending
  private Message update; // its latest update
  private Instant since; // when the first summarised episode began

  Collapse(String sink, String key, boolean summaries, List<Dropped> drops) {
    this.sink = sink;
    this.key = key;
    this.summaries = summaries;
    this.drops = drops;
  }

  void add(Message message) {
    if (message instanceof Notice.Summary earlier) {
      summary = summary == null ? earlier : summary.and(earlier.lines(), earlier.more());
      return;
    }
    switch (Episodes.role(message)) {
      case OPENS -> {
        if (update != null) {
          superseded(update);
          update = null;
        }
        if (opening != null) {
          overtaken(null); // opened again without a close: the newer episode supersedes it
        }
        opening = (AlertMessage) message;
      }
      case UPDATES -> updated(message);
      default -> { // CLOSES
        if (update != null) {
          superseded(update);
          update = null;
        }
        if (opening == null) {
          closings.add(message); // its opening was sent: the recovery of an announced failover
        } else {
          overtaken((AlertMessage) message);
        }
      }
    }
  }

  /**
   * The open episode's latest news. An escalation is its current state: it takes the place of a
   * pending warning (sent first, the warning superseded) and no reminder supersedes it.
   */
  private void updated(Message message) {
    if (Episodes.escalates(message) && opening != null) {
      superseded(opening);
      opening = (AlertMessage) message;
    } else if (update != null && Episodes.escalates(update) && !Episodes.escalates(message)) {
      superseded(message);
      return;
    }
    if (update != null) {
      superseded(update);
    }
    update = Episodes.escalates(message) && opening == message ? null : message;
  }

  /** The episode being read closed (or was superseded) before it was sent. */
  private void overtaken(AlertMessage closing) {
    told(opening.alert().at());
    lines.add(Episodes.line(opening.alert(), closing == null ? null : closing.alert()));
    superseded(opening);
    if (closing != null) {
      superseded(closing);
    }
    opening = null;
  }

  private void superseded(Message message) {
    drops.add(new Dropped(message, DropReason.SUPERSEDED));
  }

  /** Current states to {@code first}, the summary to {@code later}. */
  void finish(List<Message> first, List<Message> later) {
    boolean fold = summaries && (!lines.isEmpty() || summary != null || opening != null);
    if (fold && !closings.isEmpty()) {
      List<String> announced = new ArrayList<>();
      for (Message closing : closings) {
        Alert alert = ((AlertMessage) closing).alert();
        if (announced.isEmpty()) {
          since = alert.at();
        }
        announced.add(Episodes.what(alert));
        superseded(closing);
      }
      lines.addAll(0, announced);
    } else {
      first.addAll(closings);
    }
    if (opening != null) {
      first.add(opening);
    }
    if (update != null && (opening == null || !((AlertMessage) update).alert().reminder())) {
      first.add(update); // the latest news of the open episode: where traffic settled
    } else if (update != null) {
      superseded(update); // a reminder says nothing its pending failover does not
    }
    if (!summaries || (lines.isEmpty() && summary == null)) {
      return;
    }
    Notice.Summary told =
        summary != null ? summary : new Notice.Summary(since, sink, key, List.of(), 0);
    later.add(told.and(lines, 0));
  }

  private void told(Instant at) {
    if (since == null) {
      since = at;
    }
  }
}
