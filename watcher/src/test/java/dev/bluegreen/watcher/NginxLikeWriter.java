package dev.bluegreen.watcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes access-log lines the way Nginx does (one append per line on an O_APPEND descriptor) and
 * rotates the file the ways logrotate does. After a rename, it keeps writing to the renamed file
 * for a few lines, as Nginx does until USR1 makes it reopen.
 */
public final class NginxLikeWriter implements AutoCloseable {
  private final Path log;
  private FileChannel out;
  private long written;
  private int linesUntilReopen = -1;
  private String halfWritten;

  public NginxLikeWriter(Path log) throws IOException {
    this.log = log;
    this.out = open();
  }

  private FileChannel open() throws IOException {
    return FileChannel.open(
        log, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** A valid sandbox-format line, numbered so order can be checked. */
  public static String line(long n) {
    return String.format(
        "127.0.0.1 - - [22/Nov/2026:10:00:00 +0000] \"GET /version?n=%d HTTP/1.1\" status=200"
            + " body_bytes=57 pool=blue release=v1-blue upstream_status=200"
            + " upstream_addr=10.0.0.2:3000 request_time=0.004 upstream_response_time=0.004"
            + " request_id=%032d",
        n, n);
  }

  public synchronized void write(int lines) throws IOException {
    if (halfWritten != null) {
      out.write(ByteBuffer.wrap((halfWritten + "\n").getBytes(StandardCharsets.UTF_8)));
      halfWritten = null;
      written++;
    }
    for (int i = 0; i < lines; i++) {
      out.write(ByteBuffer.wrap((line(written++) + "\n").getBytes(StandardCharsets.UTF_8)));
      if (linesUntilReopen > 0 && --linesUntilReopen == 0) {
        out.close();
        out = open(); // Nginx got USR1
        linesUntilReopen = -1;
      }
    }
  }

  /**
   * Writes the first half of the next line, as a slow write might leave it; the next {@link #write}
   * completes it.
   */
  public synchronized void writeHalfALine() throws IOException {
    if (halfWritten != null) {
      return;
    }
    String next = line(written);
    int half = next.length() / 2;
    out.write(ByteBuffer.wrap(next.substring(0, half).getBytes(StandardCharsets.UTF_8)));
    halfWritten = next.substring(half);
  }

  /** The log is deleted while the writer holds it; the writer reopens after a few lines. */
  public synchronized void deleteAndRecreate(int linesBeforeReopen) throws IOException {
    Files.delete(log);
    linesUntilReopen = Math.max(1, linesBeforeReopen);
  }

  /** The lines completely written so far, in order. */
  public synchronized java.util.List<String> lines() {
    return java.util.stream.LongStream.range(0, written).mapToObj(NginxLikeWriter::line).toList();
  }

  /** logrotate {@code create}: rename the log away; the writer reopens after a few lines. */
  public synchronized void renameTo(Path rotated, int linesBeforeReopen) throws IOException {
    Files.move(log, rotated);
    linesUntilReopen = Math.max(1, linesBeforeReopen);
  }

  /**
   * logrotate {@code copytruncate}: copy, then truncate in place. Nothing is written in between
   * (logrotate itself loses lines written there; that loss is not the watcher's to fix).
   */
  public synchronized void copyTruncate(Path copy) throws IOException {
    Files.copy(log, copy, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel truncate = FileChannel.open(log, StandardOpenOption.WRITE)) {
      truncate.truncate(0);
    }
  }

  public synchronized long written() {
    return written;
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
