package dev.bluegreen.watcher.doctor;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * What the file system says about one path: whether it is there, a file or a directory, its owner,
 * group and mode; read by {@link Host}, judged by {@link AccessCheck}.
 */
public record PathFacts(
    String path,
    boolean exists,
    boolean regular,
    boolean directory,
    String owner,
    String group,
    Set<PosixFilePermission> mode) {

  /** A path that is not there. */
  public static PathFacts missing(String path) {
    return new PathFacts(path, false, false, false, null, null, Set.of());
  }

  /**
   * Whether {@code user}, a member of {@code groups}, may {@code r}ead, {@code w}rite or e{@code
   * x}ecute it, by its mode bits.
   */
  public boolean allows(String user, Set<String> groups, char op) {
    if (!exists) {
      return false;
    }
    String who = user.equals(owner) ? "OWNER" : groups.contains(group) ? "GROUP" : "OTHERS";
    String what =
        switch (op) {
          case 'r' -> "READ";
          case 'w' -> "WRITE";
          default -> "EXECUTE";
        };
    return mode.contains(PosixFilePermission.valueOf(who + "_" + what));
  }

  /** The mode as ls shows it, e.g. {@code rw-r-----}, with owner and group. */
  public String describe() {
    return java.nio.file.attribute.PosixFilePermissions.toString(mode) + " " + owner + ":" + group;
  }
}
