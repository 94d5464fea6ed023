package dev.bluegreen.watcher.notify;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Collects what delivery printed and the receipts it gave, with bounded waits on them. */
public final class Recorder {
  private final StringWriter outText = new StringWriter();
  private final StringWriter logText = new StringWriter();
  public final PrintWriter out = new PrintWriter(outText, true);
  public final PrintWriter log = new PrintWriter(logText, true);
  private final List<Receipt> receipts = new ArrayList<>();

  public synchronized void add(Receipt receipt) {
    receipts.add(receipt);
    notifyAll();
  }

  public synchronized List<Receipt> receipts() {
    return List.copyOf(receipts);
  }

  /** Waits until {@code count} receipts arrived; fails after 20 s (a hang, not a slow machine). */
  public synchronized List<Receipt> await(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    long left;
    while (receipts.size() < count && (left = deadline - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    if (receipts.size() < count) {
      throw new AssertionError("expected " + count + " receipts, got " + receipts + "\n" + log());
    }
    return List.copyOf(receipts);
  }

  public String out() {
    out.flush();
    synchronized (outText) {
      return outText.toString();
    }
  }

  public String log() {
    log.flush();
    synchronized (logText) {
      return logText.toString();
    }
  }
}
