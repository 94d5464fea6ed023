package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.SinkHealth;
import dev.bluegreen.watcher.notify.SinkStats;
import dev.bluegreen.watcher.page.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the alerts the pipeline decides until the state that includes them is saved, then hands
 * them on ({@link #release()}): a crash between the two cannot make a restart decide and send an
 * alert again; the state saved counts them as undelivered at every sink ({@link #undelivered()}),
 * so a crash right after the save sends them after the restart. Notices pass straight through. The
 * reading thread only, but for what is delegated.
 */
final class HeldAlerts implements Outlet {
  private final Outlet next;
  private final List<Alert> held = new ArrayList<>();

  HeldAlerts(Outlet next) {
    this.next = next;
  }

  @Override
  public void alert(Alert alert) {
    held.add(alert);
  }

  @Override
  public void maintenance(boolean on, Instant at) {
    next.maintenance(on, at);
  }

  @Override
  public void plannedSwitch(String from, String to, Instant at) {
    next.plannedSwitch(from, to, at);
  }

  @Override
  public void sight(boolean blind, String why, Instant at) {
    next.sight(blind, why, at);
  }

  @Override
  public List<SinkHealth> sinkHealth() {
    return next.sinkHealth();
  }

  @Override
  public long deliveryFailures() {
    return next.deliveryFailures();
  }

  @Override
  public List<SinkStats> sinks() {
    return next.sinks();
  }

  /** What the sinks have not delivered, then the held alerts, for each sink. */
  @Override
  public Map<String, List<Message>> undelivered() {
    Map<String, List<Message>> all = new LinkedHashMap<>();
    next.undelivered()
        .forEach(
            (sink, messages) -> {
              List<Message> withHeld = new ArrayList<>(messages);
              held.forEach(alert -> withHeld.add(Message.of(alert)));
              all.put(sink, withHeld);
            });
    return all;
  }

  @Override
  public Timeline timeline() {
    return next.timeline();
  }

  @Override
  public long undeliveredVersion() {
    return next.undeliveredVersion();
  }

  @Override
  public boolean delivering() {
    return next.delivering();
  }

  @Override
  public void restore(Map<String, List<Message>> undelivered) {
    next.restore(undelivered);
  }

  /** Whether alerts wait for a checkpoint. */
  boolean holding() {
    return !held.isEmpty();
  }

  /** Hands the held alerts on, in the order they were decided. */
  void release() {
    for (Alert alert : held) {
      next.alert(alert);
    }
    held.clear();
  }
}
