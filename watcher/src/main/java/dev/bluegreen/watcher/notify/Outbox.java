package dev.bluegreen.watcher.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sink's undelivered messages and what becomes of them, decided without threads or clocks.
 *
 * <p>While the sink is up, messages go out in order. While it is down ({@link #take} is told so),
 * what was overtaken collapses before each attempt: per condition (pools, error rate, latency), the
 * current state of an open episode goes first; episodes that opened and closed meanwhile become one
 * {@link Notice.Summary} (a sink that takes no notices, Alertmanager, simply forgets them: they are
 * over); reminders are superseded by anything later. A recovery is therefore never sent without its
 * failover: either the failover was sent, or both are told in the summary.
 *
 * <p>When full, the box first collapses, then drops the oldest message of the lowest rank: notices
 * and samples, then reminders, then recoveries, then summaries; never the first announcement of an
 * episode nor an escalation (the box grows past its capacity rather than lose one). The message
 * being sent stays in the box ({@link #undelivered()}) until it is {@link #settle settled}: a crash
 * re-sends it.
 */
final class Outbox {
  /** A message that will not be sent, and why. */
  record Dropped(Message message, DropReason reason) {}

  private final String sink;
  private final int capacity;
  private final boolean summaries;
  private List<Message> pending = new ArrayList<>();
  private final List<Dropped> drops = new ArrayList<>();
  private Message inFlight;

  /**
   * @param sink its name, for summaries ("while slack was unreachable")
   * @param summaries whether the sink takes notices, so closed episodes are summarised, not
   *     forgotten
   */
  Outbox(String sink, int capacity, boolean summaries) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.sink = sink;
    this.capacity = capacity;
    this.summaries = summaries;
  }

  /** Adds {@code message} last; over capacity, collapses, then drops by rank. */
  void add(Message message) {
    pending.add(message);
    if (size() > capacity) {
      collapse();
    }
    while (size() > capacity && dropLowest()) {
      // one at a time: the lowest rank, oldest first
    }
  }

  /** The next message to send, kept as in flight, or {@code null}; collapses first when down. */
  Message take(boolean down) {
    if (inFlight != null) {
      throw new IllegalStateException("a message is in flight already");
    }
    if (down) {
      collapse();
    }
    if (pending.isEmpty()) {
      return null;
    }
    inFlight = pending.remove(0);
    return inFlight;
  }

  /** The message in flight is done with: delivered, or refused for good. */
  void settle() {
    inFlight = null;
  }

  /** The message in flight could not be sent: it goes back first, to be decided again. */
  void putBack() {
    if (inFlight != null) {
      pending.add(0, inFlight);
      inFlight = null;
    }
  }

  /** What is not delivered yet, the message in flight first: what the state file keeps. */
  List<Message> undelivered() {
    List<Message> all = new ArrayList<>(size());
    if (inFlight != null) {
      all.add(inFlight);
    }
    all.addAll(pending);
    return all;
  }

  int size() {
    return pending.size() + (inFlight == null ? 0 : 1);
  }

  /** The messages dropped since the last call, in order. */
  List<Dropped> takeDrops() {
    List<Dropped> taken = List.copyOf(drops);
    drops.clear();
    return taken;
  }

  /** Collapses what was overtaken, per condition; notices and samples keep their order, last. */
  private void collapse() {
    Map<String, List<Message>> byCondition = new LinkedHashMap<>();
    List<Message> others = new ArrayList<>();
    for (Message message : pending) {
      String key = Episodes.key(message);
      if (key == null) {
        others.add(message);
      } else {
        byCondition.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
      }
    }
    List<Message> first = new ArrayList<>();
    List<Message> later = new ArrayList<>();
    byCondition.forEach(
        (key, messages) -> {
          Collapse collapsed = new Collapse(sink, key, summaries, drops);
          messages.forEach(collapsed::add);
          collapsed.finish(first, later);
        });
    first.addAll(later);
    first.addAll(others);
    pending = first;
  }

  /** Drops the oldest message of the lowest rank; false when only first announcements are left. */
  private boolean dropLowest() {
    int victim = -1;
    for (int i = 0; i < pending.size(); i++) {
      int rank = dropRank(pending.get(i));
      if (rank >= 0 && (victim < 0 || rank < dropRank(pending.get(victim)))) {
        victim = i;
      }
    }
    if (victim < 0) {
      return false;
    }
    drops.add(new Dropped(pending.remove(victim), DropReason.QUEUE_FULL));
    return true;
  }

  /**
   * Which messages a full box gives up first (lowest first): notices and samples, reminders,
   * recoveries and resolutions, summaries; -1 for a first announcement or an escalation, never
   * dropped.
   */
  static int dropRank(Message message) {
    if (message instanceof Notice.Summary) {
      return 3; // the only word left of the episodes it tells
    }
    if (Episodes.escalates(message)) {
      return -1; // the open episode's current state: critical now
    }
    return switch (Episodes.role(message)) {
      case NONE -> 0;
      case UPDATES -> 1;
      case CLOSES -> 2;
      case OPENS -> -1;
    };
  }
}
