package dev.bluegreen.watcher.page;

import dev.bluegreen.watcher.notify.AlertMessage;
import dev.bluegreen.watcher.notify.AlertText;
import dev.bluegreen.watcher.notify.DropReason;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.Receipt;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The last {@link #CAPACITY} messages sent to the sinks, newest first, with what became of each at
 * each sink: queued when published (on the reading thread), then delivered, dropped or superseded
 * as the sinks' {@link Receipt}s tell (on their sender threads). Thread safe; {@link #version()}
 * moves at every change, so the publisher knows when to show it again.
 */
public final class Timeline {
  /** Messages kept. */
  public static final int CAPACITY = 50;

  /** What became of a message at one sink. */
  public enum State {
    QUEUED,
    DELIVERED,
    /** a newer message of the same episode, or a summary, tells it */
    SUPERSEDED,
    /** lost: the queue was full, the sink refused it, or it was left at shutdown */
    DROPPED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One sink's state of a message.
   *
   * @param reason why it was dropped ({@code queue_full}, {@code refused}, {@code shutdown}), or
   *     {@code null}
   */
  public record Delivery(State state, String reason) {}

  /**
   * One message as the page shows it.
   *
   * @param kind the AlertKind or NoticeKind wire name
   * @param severity {@code warning} or {@code critical}; {@code null} for a notice
   * @param text what the other sinks say, e.g. {@code FAILOVER traffic moved from blue to green}
   * @param sinks by sink name, in the sinks' order
   */
  public record Entry(
      Instant at, String kind, String severity, String text, Map<String, Delivery> sinks) {}

  private static final class Slot {
    final Message message;
    final Map<String, Delivery> sinks = new LinkedHashMap<>();

    Slot(Message message) {
      this.message = message;
    }
  }

  private final ArrayDeque<Slot> slots = new ArrayDeque<>(); // newest first
  private long version;

  /** {@code message} was queued for {@code sinks}. */
  public synchronized void queued(Message message, List<String> sinks) {
    Slot slot = new Slot(message);
    sinks.forEach(sink -> slot.sinks.put(sink, new Delivery(State.QUEUED, null)));
    add(slot);
  }

  /** What became of a message at a sink; a message never queued here (a summary) is added. */
  public synchronized void receipt(Receipt receipt) {
    Delivery delivery = delivery(receipt);
    for (Slot slot : slots) {
      Delivery now = slot.sinks.get(receipt.sink());
      if (now != null && now.state() == State.QUEUED && slot.message.equals(receipt.message())) {
        slot.sinks.put(receipt.sink(), delivery);
        version++;
        return;
      }
    }
    Slot slot = new Slot(receipt.message());
    slot.sinks.put(receipt.sink(), delivery);
    add(slot);
  }

  private void add(Slot slot) {
    slots.addFirst(slot);
    if (slots.size() > CAPACITY) {
      slots.removeLast();
    }
    version++;
  }

  private static Delivery delivery(Receipt receipt) {
    return switch (receipt.outcome()) {
      case DELIVERED -> new Delivery(State.DELIVERED, null);
      case REJECTED -> new Delivery(State.DROPPED, DropReason.REFUSED.wireName());
      case DROPPED ->
          DropReason.SUPERSEDED.wireName().equals(receipt.reason())
              ? new Delivery(State.SUPERSEDED, null)
              : new Delivery(State.DROPPED, receipt.reason());
    };
  }

  /** Moves at every change. */
  public synchronized long version() {
    return version;
  }

  /** The messages, newest first: a snapshot, safe to keep. */
  public synchronized List<Entry> entries() {
    List<Entry> entries = new ArrayList<>(slots.size());
    for (Slot slot : slots) {
      entries.add(entry(slot));
    }
    return entries;
  }

  private static Entry entry(Slot slot) {
    Map<String, Delivery> sinks = Collections.unmodifiableMap(new LinkedHashMap<>(slot.sinks));
    Message message = slot.message;
    if (message instanceof AlertMessage alert) {
      return new Entry(
          alert.alert().at(),
          alert.alert().kind().wireName(),
          alert.alert().severity().wireName(),
          AlertText.summary(alert.alert()),
          sinks);
    }
    Notice notice = (Notice) message;
    return new Entry(notice.at(), notice.kind().wireName(), null, notice.title(), sinks);
  }
}
