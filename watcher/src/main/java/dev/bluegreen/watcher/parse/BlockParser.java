package dev.bluegreen.watcher.parse;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Parses a block of complete lines and hands the results on in line order, using every core for a
 * big block: the block is cut at newlines into one part per core, each part is parsed by its own
 * {@link LineParser}, and the calling thread parses the first part itself. A few new lines are
 * parsed on the calling thread without a hand-off. Parsing is the watcher's whole cost per line;
 * deciding stays on the calling thread, in order. Not thread safe: one per reading thread.
 *
 * <p>What it gains depends on the machine: on the 2-core benchmark machine a replay of 5M lines
 * took 2.85 s with two threads and 3.2 s with one (the JIT compiler threads take the second core
 * for much of a cold run; see README, Performance).
 */
public final class BlockParser {
  /** Blocks smaller than this are parsed on the calling thread: a hand-off costs more. */
  static final int PARALLEL_MIN_BYTES = 64 * 1024;

  /** More threads than this gain nothing for one log and take cores from Nginx. */
  public static final int MAX_THREADS = 4;

  /** One thread per core, up to {@link #MAX_THREADS}. */
  public static final int DEFAULT_THREADS =
      Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);

  private final int maxLineBytes;
  private final Parsed tooLong;
  private final Part[] parts;

  /**
   * @param threads how many threads parse a big block, the caller's included (1 to {@link
   *     #MAX_THREADS})
   * @param maxLineBytes longer lines are not parsed but reported as {@code tooLong}
   */
  public BlockParser(LogFormat format, int threads, int maxLineBytes, Parsed tooLong) {
    this(format, threads, maxLineBytes, tooLong, LineParser.DEFAULT_SLOW_MILLIS);
  }

  /**
   * As {@link #BlockParser(LogFormat, int, int, Parsed)}, keeping the {@code $request_id} of
   * requests that took {@code slowMillis} or more (the latency threshold: the slowest request of a
   * latency alert is one of them).
   */
  public BlockParser(
      LogFormat format, int threads, int maxLineBytes, Parsed tooLong, int slowMillis) {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS + ": " + threads);
    }
    this.maxLineBytes = maxLineBytes;
    this.tooLong = tooLong;
    this.parts = new Part[threads];
    for (int k = 0; k < parts.length; k++) {
      parts[k] = new Part(new LineParser(format, slowMillis));
    }
  }

  /** Parses one line, without its terminator, on the calling thread. */
  public Parsed parseLine(byte[] b, int off, int len) {
    return len > maxLineBytes ? tooLong : parts[0].parser.parse(b, off, len);
  }

  /**
   * Parses the lines of {@code b[from, to)}, each ending in {@code \n} (a {@code \r} before it is
   * dropped; the last may lack its {@code \n}), and gives each result to {@code each}, in order, on
   * the calling thread. The bytes must stay unchanged until this returns.
   */
  public void parse(byte[] b, int from, int to, Consumer<Parsed> each) {
    int used = to - from < PARALLEL_MIN_BYTES ? 1 : parts.length;
    int start = from;
    for (int k = 0; k < used; k++) {
      int cut =
          k == used - 1 ? to : cutAfter(b, from + (int) ((long) (to - from) * (k + 1) / used), to);
      parts[k].from = start;
      parts[k].to = Math.max(start, cut);
      start = parts[k].to;
    }
    for (int k = 1; k < used; k++) {
      Part part = parts[k];
      part.done = Helpers.POOL.submit(() -> part.parse(b));
    }
    RuntimeException failure = null;
    try {
      parts[0].parse(b);
    } catch (RuntimeException e) {
      failure = e;
    }
    for (int k = 1; k < used; k++) {
      RuntimeException e = parts[k].await();
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      throw failure;
    }
    for (int k = 0; k < used; k++) {
      parts[k].handOn(each);
    }
  }

  /** Just after the first newline at or after {@code at}, or {@code to}. */
  private static int cutAfter(byte[] b, int at, int to) {
    int newline = Bytes.indexOfNewline(b, at, to);
    return newline < 0 ? to : newline + 1;
  }

  /** One thread's share of a block, and its results. */
  private final class Part {
    final LineParser parser;
    int from;
    int to;
    Parsed[] results = new Parsed[1024];
    int count;
    Future<?> done;

    Part(LineParser parser) {
      this.parser = parser;
    }

    void parse(byte[] b) {
      int n = 0;
      int start = from;
      while (start < to) {
        long scan = Bytes.scanLine(b, start, to);
        int newline = (int) scan;
        int next = newline < 0 ? to : newline + 1;
        int stop = Bytes.lineStop(b, start, newline < 0 ? to : newline);
        if (n == results.length) {
          results = Arrays.copyOf(results, n * 2);
        }
        boolean ascii = (scan & Bytes.NON_ASCII) == 0;
        results[n++] =
            stop - start > maxLineBytes ? tooLong : parser.parse(b, start, stop - start, ascii);
        start = next;
      }
      count = n;
    }

    /** Waits for a helper's parse, even if interrupted; returns what it threw, if anything. */
    RuntimeException await() {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            done.get();
            return null;
          } catch (InterruptedException e) {
            interrupted = true;
          } catch (ExecutionException e) {
            return e.getCause() instanceof RuntimeException r
                ? r
                : new IllegalStateException(e.getCause());
          }
        }
      } finally {
        done = null;
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    void handOn(Consumer<Parsed> each) {
      for (int i = 0; i < count; i++) {
        each.accept(results[i]);
        results[i] = null; // nothing outlives the block
      }
      count = 0;
    }
  }

  /**
   * The helper threads, shared by every parser and started when first needed: one per core besides
   * the caller's (parts beyond that wait their turn), daemons, so they never hold the JVM up.
   */
  private static final class Helpers {
    static final ExecutorService POOL =
        Executors.newFixedThreadPool(
            Math.max(1, DEFAULT_THREADS - 1),
            new ThreadFactory() {
              private final AtomicInteger made = new AtomicInteger();

              @Override
              public Thread newThread(Runnable task) {
                Thread thread = new Thread(task, "line-parser-" + made.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              }
            });
  }
}
