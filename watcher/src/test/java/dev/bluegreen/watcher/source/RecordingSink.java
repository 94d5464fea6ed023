package dev.bluegreen.watcher.source;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A follower sink that records every line as text, for tests; safe to read from the test thread.
 */
final class RecordingSink implements LogFollower.Sink {
  private final List<String> lines = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private int oversized;
  private int polls;

  @Override
  public synchronized void startFile(String name) {
    files.add(name);
  }

  @Override
  public synchronized void line(byte[] bytes, int offset, int length) {
    lines.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void oversized() {
    oversized++;
  }

  @Override
  public synchronized void poll() {
    polls++;
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  synchronized int lineCount() {
    return lines.size();
  }

  synchronized List<String> files() {
    return List.copyOf(files);
  }

  synchronized int oversizedCount() {
    return oversized;
  }

  synchronized int polls() {
    return polls;
  }

  /** Waits until {@code condition} holds, failing after {@code limit}: waits on the component. */
  static void await(Duration limit, BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Waits until at least {@code count} lines arrived. */
  void awaitLines(int count) {
    await(
        Duration.ofSeconds(20),
        () -> lineCount() >= count,
        count + " lines (have " + lineCount() + ")");
  }

  /** Waits a few polls so that anything wrongly re-read would have arrived. */
  void awaitPolls(int count) {
    int target = polls() + count;
    await(Duration.ofSeconds(10), () -> polls() >= target, count + " more polls");
  }
}
