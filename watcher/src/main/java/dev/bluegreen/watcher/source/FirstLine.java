package dev.bluegreen.watcher.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * An open file's first line as it was first seen: its {@link FileIdentity} fingerprint, and the
 * bytes that fingerprint covers, so that whether the file still starts with it (no {@code
 * copytruncate} since) is told by comparing at most {@link FileIdentity#FINGERPRINT_BYTES} bytes
 * instead of hashing them into a new String. That check runs after each read that gave bytes, and
 * in the rotation check. The reading thread only.
 */
final class FirstLine {
  private final byte[] seen = new byte[FileIdentity.FINGERPRINT_BYTES];
  private final ByteBuffer now = ByteBuffer.allocate(FileIdentity.FINGERPRINT_BYTES);
  private int length = -1; // bytes of the first line the fingerprint covers; -1 while none seen
  private String fingerprint = "";

  /** The fingerprint of the first line as first seen, or "" while none was. */
  String fingerprint() {
    return fingerprint;
  }

  /** Takes the first line from the file as it is now; stays "" while it has no complete one. */
  void readFrom(FileChannel channel) throws IOException {
    int end = firstLineEnd(channel);
    if (end < 0) {
      length = -1;
      fingerprint = "";
    } else {
      take(now.array(), end);
    }
  }

  /** Takes the first line as it was read (without its newline), {@code length} bytes long. */
  void take(byte[] line, int length) {
    int covered = Math.min(length, FileIdentity.FINGERPRINT_BYTES);
    System.arraycopy(line, 0, seen, 0, covered);
    this.length = covered;
    fingerprint = FileIdentity.fingerprint(line, 0, covered);
  }

  /**
   * Whether the file still starts with the first line seen: what {@code FileIdentity.fingerprint}
   * of the file now would equal {@link #fingerprint()}; true while no first line was seen.
   */
  boolean stillStarts(FileChannel channel) throws IOException {
    if (length < 0) {
      return true;
    }
    now.clear();
    int n = channel.read(now, 0);
    byte[] head = now.array();
    // the bytes seen hold no newline: equal ones end where the first line ended, if it did
    boolean sameEnd =
        length == FileIdentity.FINGERPRINT_BYTES
            ? n == FileIdentity.FINGERPRINT_BYTES
            : n > length && head[length] == '\n';
    return sameEnd && Arrays.equals(head, 0, length, seen, 0, length);
  }

  /**
   * The fingerprint the file would get now, which differs from {@link #fingerprint()} after a
   * copytruncate.
   */
  String fingerprintNow(FileChannel channel) throws IOException {
    if (stillStarts(channel)) {
      return fingerprint;
    }
    int end = firstLineEnd(channel);
    return end < 0 ? "" : FileIdentity.fingerprint(now.array(), 0, end);
  }

  /**
   * Reads the file's head into {@code now}; returns where the fingerprinted part of its first line
   * ends (its newline, or {@link FileIdentity#FINGERPRINT_BYTES} when the head holds none), or -1
   * while the first line is not complete: the same rule as {@link FileIdentity#fingerprint}.
   */
  private int firstLineEnd(FileChannel channel) throws IOException {
    now.clear();
    int n = Math.max(0, channel.read(now, 0));
    byte[] head = now.array();
    for (int i = 0; i < n; i++) {
      if (head[i] == '\n') {
        return i;
      }
    }
    return n == FileIdentity.FINGERPRINT_BYTES ? n : -1;
  }
}
