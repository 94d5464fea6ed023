package dev.bluegreen.watcher.doctor;

import dev.bluegreen.watcher.doctor.AccessLogs.FormatDef;
import dev.bluegreen.watcher.doctor.AccessLogs.LogUse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which log format {@code watcher run} reads, and why: {@code NGINX_LOG_FORMAT} when set; else the
 * {@code log_format} nginx.conf writes {@code LOG_PATH} in, found as {@code watcher doctor} finds
 * it (read from the disk: the service may not run {@code nginx -T}); else the sandbox's.
 *
 * @param directive the format to compile, or null for the default (the sandbox's)
 * @param why the first log line of {@code run}: where the format came from
 */
public record FormatChoice(String directive, String why) {

  /** Looks {@code logPath}'s format up in {@code nginxConf} unless {@code formatSet}. */
  public static FormatChoice find(boolean formatSet, Path nginxConf, Path logPath) {
    if (formatSet) {
      return new FormatChoice(null, "log format: NGINX_LOG_FORMAT");
    }
    AccessLogs logs;
    try {
      logs = ConfLoader.fromDisk(nginxConf.toString());
    } catch (IOException | UncheckedIOException | ConfException e) {
      return sandbox(nginxConf + " was not read (" + reason(e) + ")");
    }
    return from(logs, nginxConf.toString(), logPath.toString());
  }

  /** The choice for what {@code conf} says about {@code logPath}. */
  static FormatChoice from(AccessLogs logs, String conf, String logPath) {
    Optional<FormatDef> found = logs.formatAt(logPath);
    if (found.isEmpty()) {
      return sandbox(
          conf
              + (logs.logsAt(logPath).isEmpty()
                  ? " writes no access_log "
                  : " writes no single format to ")
              + logPath);
    }
    FormatDef def = found.get();
    LogUse log = logs.logsAt(logPath).get(0);
    return new FormatChoice(
        def.directive(),
        "log format: log_format "
            + def.name()
            + " ("
            + def.where()
            + "), the one the access_log at "
            + log.where()
            + " writes "
            + logPath
            + " in (NGINX_LOG_FORMAT is unset; 'watcher doctor' checks it)");
  }

  private static FormatChoice sandbox(String why) {
    return new FormatChoice(
        null, "log format: the sandbox's (NGINX_LOG_FORMAT is unset and " + why + ")");
  }

  private static String reason(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    return cause instanceof java.nio.file.NoSuchFileException ? "no such file" : cause.getMessage();
  }
}
