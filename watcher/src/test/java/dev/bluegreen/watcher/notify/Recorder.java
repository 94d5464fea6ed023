package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects what delivery printed (the dry run's {@link #out}), what it logged and the receipts it
 * gave, with bounded waits on them. Register it with {@code @RegisterExtension}: the log is caught
 * from before each test to after its {@code @AfterEach}.
 */
public final class Recorder implements BeforeEachCallback, AfterEachCallback {
  private final StringWriter outText = new StringWriter();
  public final PrintWriter out = new PrintWriter(outText, true);
  private final LogCapture logs = new LogCapture();
  private final List<Receipt> receipts = new ArrayList<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    logs.beforeEach(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logs.afterEach(context);
  }

  public synchronized void add(Receipt receipt) {
    receipts.add(receipt);
  }

  public synchronized List<Receipt> receipts() {
    return List.copyOf(receipts);
  }

  /** Waits until {@code count} receipts arrived (a hang fails after {@link Await#LIMIT}). */
  public List<Receipt> await(int count) {
    Await.until(
        count + " receipts", () -> receipts().size() >= count, () -> receipts() + "\n" + log());
    return receipts();
  }

  public String out() {
    out.flush();
    synchronized (outText) {
      return outText.toString();
    }
  }

  /** What was logged, one {@code LEVEL message} line per event. */
  public String log() {
    return logs.text();
  }
}
