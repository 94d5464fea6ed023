package dev.bluegreen.watcher.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import org.apache.commons.io.input.Tailer;

/**
 * One log file held open, as Commons IO's {@link Tailer} sees it: the bytes from {@code base} on.
 * Holding the file (not the path) lets the tailer drain a renamed or deleted file. Touching it
 * never causes a re-read ({@link #isNewer} is always false), and after a truncation every reader of
 * the old content reads nothing more.
 */
final class OpenLogFile implements Tailer.Tailable, AutoCloseable {

  /** Called on the reading thread each time the tailer polls the file's size. */
  interface PollHook {
    void poll(OpenLogFile file) throws IOException;
  }

  private final Path path;
  private final FileChannel channel;
  private final String fileKey;
  private final PollHook hook;
  private String fingerprint;
  private long base;
  private long frozenSize = -1;

  private OpenLogFile(Path path, FileChannel channel, String fileKey, long base, PollHook hook)
      throws IOException {
    this.path = path;
    this.channel = channel;
    this.fileKey = fileKey;
    this.base = base;
    this.hook = hook;
    this.fingerprint = FileIdentity.fingerprint(channel);
  }

  /**
   * Opens what {@code path} names now, or returns {@code null} if nothing is there. The file key is
   * read before and after opening so a rotation in between cannot mix up the two.
   */
  static OpenLogFile open(Path path, PollHook hook) throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      String before = FileIdentity.fileKey(path);
      if (before == null) {
        return null;
      }
      FileChannel channel;
      try {
        channel = FileChannel.open(path, StandardOpenOption.READ);
      } catch (java.nio.file.NoSuchFileException gone) {
        return null;
      }
      if (before.equals(FileIdentity.fileKey(path))) {
        return new OpenLogFile(path, channel, before, 0, hook);
      }
      channel.close();
    }
    return null;
  }

  Path path() {
    return path;
  }

  FileIdentity identity() throws IOException {
    if (fingerprint.isEmpty()) {
      fingerprint = FileIdentity.fingerprint(channel);
    }
    return new FileIdentity(fileKey, fingerprint);
  }

  /**
   * Records the fingerprint from the first line as it was read, when the file had no complete line
   * at open: computing it later could fingerprint content that already replaced it.
   */
  void firstLineRead(byte[] line, int length) {
    if (fingerprint.isEmpty() && base == 0) {
      fingerprint = FileIdentity.fingerprint(line, 0, length);
    }
  }

  String fileKey() {
    return fileKey;
  }

  /** The fingerprint seen now, which differs from {@link #identity()}'s after a copytruncate. */
  String currentFingerprint() throws IOException {
    return FileIdentity.fingerprint(channel);
  }

  /** Where the next line starts if reading begins at the end now (a partial line is waited for). */
  long lastLineEnd() throws IOException {
    return RotatedFiles.lastLineEnd(channel, channel.size());
  }

  long lineStartAtOrAfter(long offset) throws IOException {
    return RotatedFiles.lineStartAtOrAfter(channel, offset);
  }

  long absoluteSize() throws IOException {
    return channel.size();
  }

  long base() {
    return base;
  }

  /** Where the tailer starts; only before the tailer reads. */
  void startAt(long absoluteOffset) {
    base = absoluteOffset;
    frozenSize = -1;
  }

  /**
   * Until {@link #startAt} or {@link #truncated}, the tailer sees this size: it reads nothing more
   * from this content while the follower replaces the tailer.
   */
  void freeze(long logicalSize) {
    frozenSize = logicalSize;
  }

  /** The content was replaced (copytruncate): the next tailer reads it from its start. */
  void truncated() throws IOException {
    base = 0;
    frozenSize = -1;
    fingerprint = FileIdentity.fingerprint(channel);
  }

  /** Reads bytes at an absolute offset, for draining a partial last line. */
  int read(ByteBuffer into, long absoluteOffset) throws IOException {
    return channel.read(into, absoluteOffset);
  }

  @Override
  public long size() throws IOException {
    hook.poll(this);
    return frozenSize >= 0 ? frozenSize : Math.max(0, channel.size() - base);
  }

  @Override
  public boolean isNewer(FileTime fileTime) {
    return false;
  }

  @Override
  public FileTime lastModifiedFileTime() {
    return FileTime.fromMillis(0);
  }

  @Override
  public Tailer.RandomAccessResourceBridge getRandomAccess(String mode) {
    return new Reader();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** The tailer's reader: a position over this file's bytes from {@code base}. */
  private final class Reader implements Tailer.RandomAccessResourceBridge {
    private long pointer;

    @Override
    public long getPointer() {
      return pointer;
    }

    @Override
    public int read(byte[] b) throws IOException {
      int n = channel.read(ByteBuffer.wrap(b), base + pointer);
      if (n > 0) {
        pointer += n;
      }
      return n;
    }

    @Override
    public void seek(long position) {
      pointer = position;
    }

    @Override
    public void close() {
      // the channel belongs to the OpenLogFile
    }
  }
}
