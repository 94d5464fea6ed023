package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.detect.AlertKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A watcher whose reading thread is stuck: it reports a status, and the controls asked of it are
 * kept, never started, so a test can see what a late start would find.
 */
final class StuckControls implements Controls {
  final List<PendingControl<ControlResult>> asked = new ArrayList<>();

  @Override
  public WatcherStatus status() {
    return new WatcherStatus(
        "access.log",
        true,
        false,
        10,
        0,
        new long[AlertKind.values().length],
        0,
        0,
        0,
        "blue",
        "blue",
        "blue",
        false,
        0,
        0.02,
        Double.NaN,
        Double.NaN,
        1.0,
        List.of(),
        dev.bluegreen.watcher.health.Health.OK,
        List.of());
  }

  @Override
  public synchronized PendingControl<ControlResult> maintenance(boolean on) {
    return ask();
  }

  @Override
  public synchronized PendingControl<ControlResult> activePool(String pool) {
    return ask();
  }

  private PendingControl<ControlResult> ask() {
    PendingControl<ControlResult> control = new PendingControl<>();
    asked.add(control);
    return control;
  }
}
