package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.notify.SinkHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the alerts the pipeline decides until the state that includes them is saved, then hands
 * them on ({@link #release()}): a crash between the two cannot make a restart decide and send an
 * alert again. Notices pass straight through. The reading thread only.
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
