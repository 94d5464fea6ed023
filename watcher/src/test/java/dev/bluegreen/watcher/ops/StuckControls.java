package dev.bluegreen.watcher.ops;

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
    return TestStatus.healthy();
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
