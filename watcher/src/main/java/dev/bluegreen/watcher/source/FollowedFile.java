package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.parse.Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BooleanSupplier;

/**
 * The one log file being followed, on the reading thread: reads what it gained a chunk at a time,
 * hands the complete lines of each chunk to the sink at once (a slice of the buffer, so the sink
 * can parse a big read on every core), holds a partial last line until its newline arrives, and
 * knows how far it was handed on and how long it has been quiet. (This replaced Commons IO's {@code
 * Tailer}, which copies each byte through a stream and makes a String per line: it kept up with
 * about 100,000 lines/s, ten times short of what a burst of Nginx traffic needs.)
 */
final class FollowedFile implements AutoCloseable {
  /** A backlog goes back to the rotation check after this many chunks. */
  static final int CHUNKS_PER_POLL = 8;

  private final OpenLogFile file;
  private final LineSink sink;
  private final LineSplitter splitter;
  private final ByteBuffer chunk;
  private long consumed; // bytes of complete lines read from file.base()
  private boolean readToEnd; // the last read reached the end of the file, not the chunk limit
  private long lastSize;
  private long lastGrowthNanos;
  private LogPosition position; // the last one handed out

  /**
   * @param chunk the reading buffer, shared by the files followed one after the other
   */
  FollowedFile(OpenLogFile file, long startAt, LineSink sink, ByteBuffer chunk, long nowNanos)
      throws IOException {
    this.file = file;
    this.sink = sink;
    this.splitter = new LineSplitter(sink);
    this.chunk = chunk;
    file.startAt(startAt);
    lastSize = file.absoluteSize();
    lastGrowthNanos = nowNanos;
  }

  /** What the rotation check decides from, gathered now; {@code log} is the followed path. */
  RotationCheck.Facts facts(Path log, long nowNanos) throws IOException {
    long size = file.absoluteSize();
    if (size != lastSize) {
      lastSize = size;
      lastGrowthNanos = nowNanos;
    }
    file.lookForFirstLine();
    String fingerprint = file.identity().fingerprint();
    String fingerprintNow = fingerprint.isEmpty() ? "" : file.currentFingerprint();
    BasicFileAttributes atPath = FileIdentity.attributes(log); // one stat: key and size
    Object pathKey = atPath == null ? null : FileIdentity.key(log, atPath);
    boolean otherFile = pathKey != null && !pathKey.equals(file.key());
    return new RotationCheck.Facts(
        size,
        unreadFrom(),
        readToEnd,
        fingerprint,
        fingerprintNow,
        file.key(),
        pathKey,
        nowNanos - lastGrowthNanos,
        otherFile && atPath.size() > 0);
  }

  /**
   * Reads the complete lines the file gained, up to {@link #CHUNKS_PER_POLL} chunks or until {@code
   * stop} says so, and hands them to the sink; a partial last line is left for a later read.
   * Returns the bytes consumed.
   */
  long readAvailable(BooleanSupplier stop) throws IOException {
    long before = consumed;
    readToEnd = false;
    for (int n = 0; n < CHUNKS_PER_POLL && !stop.getAsBoolean(); n++) {
      chunk.clear();
      int read = file.read(chunk, unreadFrom());
      if (read <= 0) {
        readToEnd = true;
        break;
      }
      if (file.contentReplaced()) {
        break; // copytruncate since the rotation check: these bytes are not what follows
      }
      byte[] bytes = chunk.array();
      if (consumed == 0 && !splitter.skipping()) {
        int newline = Bytes.indexOfNewline(bytes, 0, read);
        if (newline >= 0) {
          file.firstLineRead(bytes, newline);
        }
      }
      int rest = splitter.split(bytes, 0, 0, read);
      consumed += rest;
      if (rest == read && splitter.skipping()) {
        continue; // inside a line too long to hand on: read past it
      }
      if (read < chunk.capacity()) {
        readToEnd = true; // the end of what was written, or a partial line waiting for its newline
        break;
      }
    }
    return consumed - before;
  }

  /** Whether the last read stopped at {@link #CHUNKS_PER_POLL} chunks, before the file's end. */
  boolean moreLeft() {
    return !readToEnd;
  }

  /** The file is left for a new one: its last bytes without a newline still count, as a line. */
  void handOnPartialRemainder() throws IOException {
    long from = unreadFrom();
    long size = file.absoluteSize();
    if (splitter.skipping()) {
      sink.oversized(); // its first bytes were read and passed over
    } else if (size > from) {
      int length = (int) Math.min(size - from, LineReader.MAX_LINE_BYTES + 1L);
      ByteBuffer rest = ByteBuffer.allocate(length);
      file.read(rest, from);
      if (size - from > LineReader.MAX_LINE_BYTES) {
        sink.oversized();
      } else {
        sink.line(rest.array(), 0, rest.position());
      }
    }
    consumed = Math.max(consumed, size - file.base()); // the whole file is handed on
  }

  /** The content was replaced (copytruncate) and its unread rest taken care of: read from 0. */
  void readFromStart() throws IOException {
    file.truncated();
    consumed = 0;
    splitter.reset();
    lastSize = file.absoluteSize();
  }

  /** Where the next line starts: what was handed on ends here. */
  long unreadFrom() {
    return file.base() + consumed;
  }

  /** How far the lines handed on reach: where a restart resumes. */
  LogPosition position() throws IOException {
    FileIdentity identity = file.identity();
    long offset = unreadFrom();
    // the same object while nothing moved: the follower's status compares equal at a glance
    if (position == null || position.identity() != identity || position.offset() != offset) {
      position = new LogPosition(identity, offset, LogPosition.CONTINUES);
    }
    return position;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
