package dev.bluegreen.watcher.doctor;

import java.nio.file.Path;

/** {@link NginxConfs} for the CLI's tests, which live in another package. */
public final class NginxConfsAccess {
  private NginxConfsAccess() {}

  public static Path sandbox(Path dir) throws Exception {
    return NginxConfs.sandbox(dir);
  }

  public static Path combinedAndJson(Path dir) throws Exception {
    return NginxConfs.combinedAndJson(dir);
  }
}
