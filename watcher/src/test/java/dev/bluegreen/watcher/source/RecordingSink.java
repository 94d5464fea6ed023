package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.Await;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A line sink that records every line as text, for tests; safe to read from the test thread. */
final class RecordingSink implements LineSink {
  private final List<String> lines = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private int oversized;
  private int polls;
  private final List<Long> pollNanos = new ArrayList<>();
  private final List<Integer> linesAtPoll = new ArrayList<>();

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
  public synchronized void poll(FollowerStatus status) {
    polls++;
    pollNanos.add(System.nanoTime());
    linesAtPoll.add(lines.size());
  }

  /** How many lines had arrived at each poll, in the order of {@link #pollTimes()}. */
  synchronized List<Integer> linesAtPolls() {
    return List.copyOf(linesAtPoll);
  }

  /** When each poll came, {@link System#nanoTime()}. */
  synchronized List<Long> pollTimes() {
    return List.copyOf(pollNanos);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The last line recorded, or {@code null} before the first. */
  synchronized String lastLine() {
    return lines.isEmpty() ? null : lines.get(lines.size() - 1);
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

  /** Waits until at least {@code count} lines arrived. */
  void awaitLines(int count) {
    Await.until(count + " lines", () -> lineCount() >= count, () -> "have " + lineCount());
  }

  /** Waits a few polls so that anything wrongly re-read would have arrived. */
  void awaitPolls(int count) {
    int target = polls() + count;
    Await.until(count + " more polls", () -> polls() >= target);
  }
}
