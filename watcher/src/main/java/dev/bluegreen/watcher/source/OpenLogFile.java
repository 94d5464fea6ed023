package dev.bluegreen.watcher.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One log file held open, read from {@code base} on. Holding the file (not the path) lets the
 * follower drain a renamed or deleted file; its identity tells a copytruncate from new lines.
 */
final class OpenLogFile implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;
  private final Object key; // the file system's, compared at every rotation check
  private final String fileKey; // the same, as the state file keeps it
  private final FirstLine firstLine = new FirstLine();
  private FileIdentity identity; // the last one built, kept while it holds
  private long base;

  private OpenLogFile(Path path, FileChannel channel, Object key) throws IOException {
    this.path = path;
    this.channel = channel;
    this.key = key;
    this.fileKey = key.toString();
    firstLine.readFrom(channel);
  }

  /**
   * Opens what {@code path} names now, or returns {@code null} if nothing is there. The file key is
   * read before and after opening so a rotation in between cannot mix up the two.
   */
  static OpenLogFile open(Path path) throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      Object before = FileIdentity.key(path);
      if (before == null) {
        return null;
      }
      try {
        requireRegularFile(path);
      } catch (java.nio.file.NoSuchFileException gone) {
        return null;
      }
      FileChannel channel;
      try {
        channel = FileChannel.open(path, StandardOpenOption.READ);
      } catch (java.nio.file.NoSuchFileException gone) {
        return null;
      } catch (AccessDeniedException denied) {
        throw new LogAccessException(LogAccess.UNREADABLE, "permission denied");
      }
      if (before.equals(FileIdentity.key(path))) {
        return new OpenLogFile(path, channel, before);
      }
      channel.close();
    }
    return null;
  }

  /**
   * Refuses what is not a regular file before opening it: a directory cannot be read as lines, and
   * opening a FIFO would block the reading thread until a writer comes.
   */
  private static void requireRegularFile(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (attributes.isRegularFile()) {
      return;
    }
    String what = "not a regular file";
    if (attributes.isDirectory()) {
      what = "a directory, not a file";
    } else if (attributes.isOther()) {
      what = "a FIFO, socket or device, not a regular file";
    }
    throw new LogAccessException(LogAccess.NOT_REGULAR, what);
  }

  Path path() {
    return path;
  }

  /**
   * Takes the first line from the file if none was seen yet (it had no complete one at open): at
   * each look at the file, so that {@link #identity()} itself reads nothing.
   */
  void lookForFirstLine() throws IOException {
    if (firstLine.fingerprint().isEmpty()) {
      firstLine.readFrom(channel);
    }
  }

  /** Which file this is, as far as seen: its first line as of the last look. */
  FileIdentity identity() {
    if (identity == null || !identity.fingerprint().equals(firstLine.fingerprint())) {
      identity = new FileIdentity(fileKey, firstLine.fingerprint());
    }
    return identity;
  }

  /**
   * Records the fingerprint from the first line as it was read, when the file had no complete line
   * at open: computing it later could fingerprint content that already replaced it.
   */
  void firstLineRead(byte[] line, int length) {
    if (firstLine.fingerprint().isEmpty() && base == 0) {
      firstLine.take(line, length);
    }
  }

  /** Whether this is the file {@code at} was read in, still at least that long: go on there. */
  boolean continues(LogPosition at) throws IOException {
    FileIdentity now = identity();
    FileIdentity then = at.identity();
    boolean sameFile =
        now.fileKey().equals(then.fileKey())
            && (then.fingerprint().isEmpty() || now.sameFileAs(then));
    return sameFile && absoluteSize() >= at.offset();
  }

  /** The file system's key of this file (device and inode), to compare with {@code equals}. */
  Object key() {
    return key;
  }

  /**
   * Whether the content was replaced (copytruncate) since its first line was seen; {@code false}
   * while no first line was seen. Checked after a read, as the content may have been replaced
   * between the rotation check and the read: the bytes read are then not what follows.
   */
  boolean contentReplaced() throws IOException {
    return !firstLine.stillStarts(channel);
  }

  /** The fingerprint seen now, which differs from {@link #identity()}'s after a copytruncate. */
  String currentFingerprint() throws IOException {
    return firstLine.fingerprintNow(channel);
  }

  /** Where the next line starts if reading begins at the end now (a partial line is waited for). */
  long lastLineEnd() throws IOException {
    return RotatedFiles.lastLineEnd(channel, channel.size());
  }

  long lineStartAtOrAfter(long offset) throws IOException {
    return RotatedFiles.lineStartAtOrAfter(channel, offset);
  }

  /** The lines that end before {@code offset}, counted from the file. */
  long linesBefore(long offset) throws IOException {
    return offset <= 0 ? 0 : RotatedFiles.linesBefore(channel, offset);
  }

  long absoluteSize() throws IOException {
    return channel.size();
  }

  long base() {
    return base;
  }

  /** Where reading starts: the offset the follower counts its lines from. */
  void startAt(long absoluteOffset) {
    base = absoluteOffset;
  }

  /** The content was replaced (copytruncate): reading starts again at 0. */
  void truncated() throws IOException {
    base = 0;
    firstLine.readFrom(channel);
  }

  /** Reads bytes at an absolute offset. */
  int read(ByteBuffer into, long absoluteOffset) throws IOException {
    return channel.read(into, absoluteOffset);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
