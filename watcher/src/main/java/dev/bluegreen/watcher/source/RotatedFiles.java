package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.parse.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Finds and reads the rest of a log file that was rotated away: renamed by logrotate, or copied by
 * {@code copytruncate}. Looks beside the log for uncompressed files named after it ({@code
 * access.log.1}, {@code access.log-20261122}).
 */
final class RotatedFiles {
  private RotatedFiles() {}

  /**
   * A file beside {@code log} holding the content {@code identity} names, at least {@code minSize}
   * bytes long; the renamed original (same inode) is preferred over a copy.
   */
  static Optional<Path> find(Path log, FileIdentity identity, long minSize) throws IOException {
    Path dir = log.toAbsolutePath().getParent();
    String name = log.getFileName().toString();
    Path copy = null;
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir, name + "?*")) {
      for (Path sibling : siblings) {
        if (!Files.isRegularFile(sibling) || isCompressed(sibling)) {
          continue;
        }
        try (FileChannel channel = FileChannel.open(sibling, StandardOpenOption.READ)) {
          if (channel.size() < minSize) {
            continue;
          }
          FileIdentity candidate =
              new FileIdentity(FileIdentity.fileKey(sibling), FileIdentity.fingerprint(channel));
          if (candidate.sameFileAs(identity)) {
            return Optional.of(sibling);
          }
          if (candidate.sameContentAs(identity)) {
            copy = sibling;
          }
        }
      }
    }
    return Optional.ofNullable(copy);
  }

  /**
   * Reads the rest of the file that {@code log} was up to {@code at}, if it is found beside the log
   * (renamed, or copied by {@code copytruncate}), into {@code sink}; returns where it was found.
   */
  static Optional<Path> readRest(Path log, LogPosition at, LineSink sink) throws IOException {
    Optional<Path> rotated = find(log, at.identity(), at.offset());
    if (rotated.isPresent()) {
      long linesBefore = at.line(); // CONTINUES for the file just read: no need to count
      if (!at.lineKnown() && at.line() != LogPosition.CONTINUES) {
        try (FileChannel channel = FileChannel.open(rotated.get(), StandardOpenOption.READ)) {
          linesBefore = linesBefore(channel, lineStartAtOrAfter(channel, at.offset()));
        }
      }
      sink.startFile(rotated.get().toString(), linesBefore);
      readFrom(rotated.get(), at.offset(), sink);
    }
    return rotated;
  }

  private static boolean isCompressed(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".gz")
        || name.endsWith(".bz2")
        || name.endsWith(".xz")
        || name.endsWith(".zst");
  }

  /**
   * Reads {@code file} from {@code offset} to its end into {@code sink}, starting at a line
   * boundary (if {@code offset} falls inside a line, that line is skipped). Returns the bytes read.
   */
  static long readFrom(Path file, long offset, LineSink sink) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long start = lineStartAtOrAfter(channel, offset);
      channel.position(start);
      InputStream in = Channels.newInputStream(channel);
      LineReader.read(in, sink);
      return channel.size() - start;
    }
  }

  /** {@code offset} if a line starts there, else the start of the next line. */
  static long lineStartAtOrAfter(FileChannel channel, long offset) throws IOException {
    if (offset <= 0) {
      return 0;
    }
    ByteBuffer one = ByteBuffer.allocate(8192);
    long at = offset - 1;
    while (true) {
      one.clear();
      int n = channel.read(one, at);
      if (n <= 0) {
        return channel.size();
      }
      for (int i = 0; i < n; i++) {
        if (one.get(i) == '\n') {
          return at + i + 1;
        }
      }
      at += n;
    }
  }

  /**
   * The lines that end before {@code offset}: the newlines counted from the start, once, when a
   * reading starts there without a saved line number (measured: 2 to 3 s per GB from the page cache
   * on a busy 2-core machine).
   */
  static long linesBefore(FileChannel channel, long offset) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(1024 * 1024);
    byte[] bytes = chunk.array();
    long lines = 0;
    long at = 0;
    while (at < offset) {
      chunk.clear().limit((int) Math.min(chunk.capacity(), offset - at));
      int n = channel.read(chunk, at);
      if (n <= 0) {
        break;
      }
      for (int i = Bytes.indexOfNewline(bytes, 0, n);
          i >= 0;
          i = Bytes.indexOfNewline(bytes, i + 1, n)) {
        lines++;
      }
      at += n;
    }
    return lines;
  }

  /** The offset just after the last newline before {@code size}: where the next line starts. */
  static long lastLineEnd(FileChannel channel, long size) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
    long end = size;
    while (end > 0) {
      long from = Math.max(0, end - chunk.capacity());
      chunk.clear().limit((int) (end - from));
      int n = channel.read(chunk, from);
      for (int i = n - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          return from + i + 1;
        }
      }
      end = from;
    }
    return 0;
  }
}
