package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.Outlet;
import dev.bluegreen.watcher.detect.Alert;
import java.io.PrintWriter;
import java.time.Instant;

/** Dry run: alerts and notices printed to stdout as readable lines, nothing sent anywhere. */
public final class ConsoleOutlet implements Outlet {
  private final PrintWriter out;

  public ConsoleOutlet(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void alert(Alert alert) {
    out.println(AlertText.toLine(alert));
    out.flush();
  }

  @Override
  public synchronized void maintenance(boolean on, Instant at) {
    out.println(
        at
            + "  NOTICE  maintenance mode "
            + (on ? "on: alerts are suppressed" : "off: alerting again"));
    out.flush();
  }

  @Override
  public synchronized void plannedSwitch(String from, String to, Instant at) {
    out.println(at + "  NOTICE  planned switch: traffic moves from " + from + " to " + to);
    out.flush();
  }
}
