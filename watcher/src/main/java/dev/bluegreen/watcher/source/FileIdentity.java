package dev.bluegreen.watcher.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.CRC32C;

/**
 * Which log file this is, across renames and restarts: the file system's key (device and inode)
 * plus a fingerprint of the start of its first line. The inode alone is not enough: a deleted
 * file's inode is reused, and {@code copytruncate} keeps the inode while replacing the content.
 *
 * @param fileKey the file system's key, e.g. {@code (dev=803,ino=1234)}
 * @param fingerprint length and CRC32C of the first line's first {@link #FINGERPRINT_BYTES} bytes,
 *     or empty while the file has no complete first line yet
 */
public record FileIdentity(String fileKey, String fingerprint) {
  static final int FINGERPRINT_BYTES = 256;

  /** The file key of whatever {@code path} names now, or {@code null} when nothing is there. */
  static String fileKey(Path path) throws IOException {
    Object key = key(path);
    return key == null ? null : key.toString();
  }

  /**
   * The file key of whatever {@code path} names now as the file system gives it, to compare with
   * {@code equals} (no String built), or {@code null} when nothing is there.
   */
  static Object key(Path path) throws IOException {
    BasicFileAttributes attributes = attributes(path);
    return attributes == null ? null : key(path, attributes);
  }

  /** The file key in {@code attributes}, read from {@code path}: its real name where none. */
  static Object key(Path path, BasicFileAttributes attributes) throws IOException {
    Object key = attributes.fileKey();
    return key == null ? path.toRealPath().toString() : key;
  }

  /** What {@code path} names now, in one {@code stat}, or {@code null} when nothing is there. */
  static BasicFileAttributes attributes(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException gone) {
      return null;
    }
  }

  /** The fingerprint of an open file's first line, or "" while it has none. */
  static String fingerprint(FileChannel channel) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(FINGERPRINT_BYTES);
    int n = channel.read(head, 0);
    if (n <= 0) {
      return "";
    }
    byte[] bytes = head.array();
    int end = -1;
    for (int i = 0; i < n; i++) {
      if (bytes[i] == '\n') {
        end = i;
        break;
      }
    }
    if (end < 0) {
      if (n < FINGERPRINT_BYTES) {
        return ""; // the first line is not complete yet
      }
      end = n;
    }
    return fingerprint(bytes, 0, end);
  }

  /** The fingerprint of a first line already in hand (without its newline). */
  static String fingerprint(byte[] line, int offset, int length) {
    int end = Math.min(length, FINGERPRINT_BYTES);
    CRC32C crc = new CRC32C();
    crc.update(line, offset, end);
    return end + ":" + Long.toHexString(crc.getValue());
  }

  /** Whether this names the same content as {@code other}: same first line, and the same inode. */
  boolean sameFileAs(FileIdentity other) {
    return fileKey.equals(other.fileKey) && sameContentAs(other);
  }

  /** Whether both start with the same first line (a copy of the file does). */
  boolean sameContentAs(FileIdentity other) {
    return !fingerprint.isEmpty() && fingerprint.equals(other.fingerprint);
  }
}
