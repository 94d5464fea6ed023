package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.AlertKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An outlet that remembers what it was given, for tests; safe to read from the test thread. */
public final class RecordingOutlet implements Outlet {
  private final List<Alert> alerts = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();

  @Override
  public synchronized void alert(Alert alert) {
    alerts.add(alert);
  }

  @Override
  public synchronized void maintenance(boolean on, Instant at) {
    notices.add("maintenance " + (on ? "on" : "off"));
  }

  @Override
  public synchronized void plannedSwitch(String from, String to, Instant at) {
    notices.add("switch " + from + " -> " + to);
  }

  @Override
  public synchronized void sight(boolean blind, String why, Instant at) {
    notices.add((blind ? "blind: " : "sees: ") + why);
  }

  public synchronized List<Alert> alerts() {
    return List.copyOf(alerts);
  }

  public synchronized List<AlertKind> kinds() {
    return alerts.stream().map(Alert::kind).toList();
  }

  public synchronized List<String> notices() {
    return List.copyOf(notices);
  }
}
