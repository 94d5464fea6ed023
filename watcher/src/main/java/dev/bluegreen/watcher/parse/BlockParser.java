package dev.bluegreen.watcher.parse;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Parses a block of complete lines and hands the results on in line order, using every core for a
 * big block. The block is cut at newlines into chunks; helper threads take the next chunk not yet
 * taken, each with its own {@link LineParser}, while the calling thread hands on the chunks in
 * order as they are done and, whenever the next one is not done yet, takes a chunk to parse itself.
 * The caller's deciding (the detectors, on the results handed on) so overlaps the helpers' parsing,
 * and the share each thread parses follows from how fast it goes: no clock, no tuning. A small
 * block is parsed on the calling thread without a hand-off. Not thread safe: one per reading
 * thread.
 *
 * <p>What it gains depends on the machine: on the 2-core benchmark machine a replay of 5M lines
 * took 2.85 s with two threads and 3.2 s with one when the caller parsed a fixed half and then
 * decided everything (see README, Performance); taking chunks as they come lets the caller's
 * deciding run while the helper parses.
 */
public final class BlockParser {
  /**
   * Blocks smaller than this are parsed on the calling thread: a hand-off costs more. Above what a
   * busy log gathers in one of the follower's busy polls at 10,000 lines/s (about 70 KB in 25 ms):
   * handed off, those cost the live watcher 10 % more CPU per line (issue 15). A backlog's reads
   * (256 KB) and a replay's (1 MB) still use every core.
   */
  static final int PARALLEL_MIN_BYTES = 128 * 1024;

  /** About the bytes of one chunk: small enough to balance, big enough that a hand-off is cheap. */
  static final int CHUNK_BYTES = 32 * 1024;

  /** More threads than this gain nothing for one log and take cores from Nginx. */
  public static final int MAX_THREADS = 4;

  /** One thread per core, up to {@link #MAX_THREADS}. */
  public static final int DEFAULT_THREADS =
      Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);

  private final int maxLineBytes;
  private final Parsed tooLong;
  private final LineParser[] parsers;
  private final Chunk whole = new Chunk();

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
    this.parsers = new LineParser[threads];
    for (int k = 0; k < parsers.length; k++) {
      parsers[k] = new LineParser(format, slowMillis);
    }
  }

  /** Parses one line, without its terminator, on the calling thread. */
  public Parsed parseLine(byte[] b, int off, int len) {
    return len > maxLineBytes ? tooLong : parsers[0].parse(b, off, len);
  }

  /**
   * Parses the lines of {@code b[from, to)}, each ending in {@code \n} (a {@code \r} before it is
   * dropped; the last may lack its {@code \n}), and gives each result to {@code each}, in order, on
   * the calling thread. The bytes must stay unchanged until this returns.
   */
  public void parse(byte[] b, int from, int to, Consumer<Parsed> each) {
    if (parsers.length == 1 || to - from < PARALLEL_MIN_BYTES) {
      whole.from = from;
      whole.to = to;
      whole.parse(b, parsers[0]);
      whole.handOn(each);
      return;
    }
    new Block(b, from, to).parse(each);
  }

  /** Just after the first newline at or after {@code at}, or {@code to}. */
  private static int cutAfter(byte[] b, int at, int to) {
    int newline = Bytes.indexOfNewline(b, at, to);
    return newline < 0 ? to : newline + 1;
  }

  /** One big block's chunks, and which is the next to be taken; one per {@link #parse} call. */
  private final class Block {
    private final byte[] b;
    private final Chunk[] chunks;
    private final AtomicInteger next = new AtomicInteger();
    private final Thread caller = Thread.currentThread();
    private volatile boolean callerWaits; // set before the caller parks: wake it only then

    Block(byte[] b, int from, int to) {
      this.b = b;
      int count = Math.max(parsers.length, Math.min(64, (to - from) / CHUNK_BYTES));
      this.chunks = new Chunk[count];
      int start = from;
      for (int k = 0; k < count; k++) {
        Chunk chunk = chunks[k] = new Chunk();
        int cut =
            k == count - 1
                ? to
                : cutAfter(b, from + (int) ((long) (to - from) * (k + 1) / count), to);
        chunk.from = start;
        chunk.to = Math.max(start, cut);
        start = chunk.to;
      }
    }

    void parse(Consumer<Parsed> each) {
      for (int k = 1; k < parsers.length; k++) {
        LineParser parser = parsers[k];
        ParserThreads.POOL.execute(() -> takeChunks(parser));
      }
      boolean interrupted = false;
      try {
        for (Chunk chunk : chunks) {
          while (!chunk.done) {
            if (!takeChunk(parsers[0])) {
              interrupted |= awaitDone(chunk); // a helper parses it
            }
          }
          if (chunk.failure != null) {
            throw chunk.failure;
          }
          chunk.handOn(each);
        }
      } finally {
        waitForTakenChunks();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** A helper's part: chunks until none is left; a chunk taken is always marked done. */
    private void takeChunks(LineParser parser) {
      while (takeChunk(parser)) {
        if (callerWaits) {
          LockSupport.unpark(caller);
        }
      }
    }

    /**
     * Parks the caller until a helper marks {@code chunk} done; whether it was interrupted
     * meanwhile (the flag is cleared, or park would not wait). The volatile flag is written before
     * done is read, and a helper writes done before it reads the flag: one of the two always sees
     * the other.
     */
    private boolean awaitDone(Chunk chunk) {
      boolean interrupted = false;
      callerWaits = true;
      while (!chunk.done) {
        LockSupport.park(this);
        interrupted |= Thread.interrupted();
      }
      callerWaits = false;
      return interrupted;
    }

    /** Parses the next chunk nobody took yet; false when every chunk was taken. */
    private boolean takeChunk(LineParser parser) {
      int k = next.getAndIncrement();
      if (k >= chunks.length) {
        return false;
      }
      Chunk chunk = chunks[k];
      try {
        chunk.parse(b, parser);
      } catch (RuntimeException | Error e) {
        chunk.failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      chunk.done = true;
      return true;
    }

    /**
     * After a failure: no chunk is taken any more, and those taken are finished, so nothing reads
     * the bytes once {@link #parse} returns. After success every chunk is done already.
     */
    private void waitForTakenChunks() {
      int taken = Math.min(next.getAndSet(chunks.length), chunks.length);
      boolean interrupted = false;
      for (int k = 0; k < taken; k++) {
        interrupted |= awaitDone(chunks[k]);
        chunks[k].clear();
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A run of whole lines of a block, and their results once parsed. */
  private final class Chunk {
    int from;
    int to;
    Parsed[] results = new Parsed[64];
    int count;
    volatile boolean done;
    RuntimeException failure;

    void parse(byte[] b, LineParser parser) {
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

    void handOn(Consumer<Parsed> each) {
      try {
        for (int i = 0; i < count; i++) {
          each.accept(results[i]);
          results[i] = null; // nothing outlives the block
        }
      } finally {
        clear();
      }
    }

    void clear() {
      Arrays.fill(results, 0, count, null);
      count = 0;
    }
  }
}
