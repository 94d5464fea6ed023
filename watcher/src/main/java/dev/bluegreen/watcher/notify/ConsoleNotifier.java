package dev.bluegreen.watcher.notify;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The dry run: with no Slack configured, each message is printed as one readable line. */
public final class ConsoleNotifier implements Notifier {
  private final PrintWriter out;

  public ConsoleNotifier(PrintWriter out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "console";
  }

  @Override
  public String target() {
    return "stdout";
  }

  @Override
  public boolean takesNotices() {
    return true;
  }

  @Override
  public Duration minInterval() {
    return Duration.ZERO;
  }

  @Override
  public byte[] render(Message message) {
    String line =
        message instanceof AlertMessage alert
            ? (alert.sample() ? "[test] " : "") + AlertText.toLine(alert.alert())
            : toLine((Notice) message);
    return line.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Attempt post(byte[] body) {
    out.println(new String(body, StandardCharsets.UTF_8));
    out.flush();
    return Attempt.accepted();
  }

  /** {@code 2025-01-01T03:00:00Z NOTICE Maintenance mode on: Alerts are suppressed ...}. */
  static String toLine(Notice notice) {
    return notice.at() + "  NOTICE  " + notice.title() + ": " + notice.detail();
  }
}
