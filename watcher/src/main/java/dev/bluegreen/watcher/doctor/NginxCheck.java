package dev.bluegreen.watcher.doctor;

import dev.bluegreen.watcher.doctor.AccessLogs.FormatDef;
import dev.bluegreen.watcher.doctor.AccessLogs.LogUse;
import dev.bluegreen.watcher.parse.LogFormat;
import dev.bluegreen.watcher.parse.LogFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of what nginx.conf says against the watcher's settings: every access log it writes,
 * whether {@code LOG_PATH} is one of them and in which format, whether that format carries what the
 * watcher reads, and whether {@code NGINX_LOG_FORMAT} (if set) is that format.
 */
public final class NginxCheck {
  private NginxCheck() {}

  /**
   * @param logs what nginx.conf writes
   * @param logPath {@code LOG_PATH}
   * @param configured {@code NGINX_LOG_FORMAT}, or null when unset
   */
  public static List<Check> of(AccessLogs logs, String logPath, String configured) {
    List<Check> checks = new ArrayList<>();
    List<LogUse> watched = logs.logsAt(logPath);
    for (LogUse log : logs.logs()) {
      checks.add(accessLog(log, watched.contains(log)));
    }
    if (watched.isEmpty()) {
      List<String> files =
          logs.logs().stream().map(LogUse::path).filter(NginxCheck::isFile).distinct().toList();
      checks.add(
          Check.fail(
              "log-path",
              "LOG_PATH "
                  + logPath
                  + " is not an access log this nginx.conf writes"
                  + (files.isEmpty()
                      ? " (it writes none to a file)"
                      : " (it writes " + String.join(", ", files) + ")"),
              files.isEmpty()
                  ? "give the server an access_log with a file path"
                  : "set LOG_PATH to the log to watch"));
      logs.logs().stream()
          .filter(log -> isFile(log.path()))
          .forEach(log -> checks.add(FormatCheck.of(log, logs)));
      return checks;
    }
    List<String> formats = watched.stream().map(LogUse::format).distinct().toList();
    if (formats.size() > 1) {
      checks.add(
          Check.fail(
              "log-path",
              logPath
                  + " is written in "
                  + formats.size()
                  + " formats ("
                  + String.join(", ", formats)
                  + "); the watcher reads one",
              "write it with one log_format everywhere (or one log per format)"));
    } else {
      checks.add(
          Check.ok(
              "log-path",
              "LOG_PATH " + logPath + " is written by Nginx in format " + formats.get(0)));
    }
    watched.stream()
        .map(LogUse::format)
        .distinct()
        .forEach(name -> checks.add(FormatCheck.of(firstWith(watched, name), logs)));
    checks.add(configured(logs.formatAt(logPath), configured, logPath));
    return checks;
  }

  private static LogUse firstWith(List<LogUse> uses, String format) {
    return uses.stream().filter(u -> u.format().equals(format)).findFirst().orElseThrow();
  }

  private static Check accessLog(LogUse log, boolean watched) {
    String name = "access-log";
    String subject = log.path() + " (format " + log.format() + ", " + log.where() + ")";
    if (log.path().startsWith("syslog:")) {
      return Check.warn(
          name,
          subject + " goes to syslog, not to a file the watcher can follow",
          "log to a file too for the watcher");
    }
    if (log.path().contains("$")) {
      return Check.warn(
          name,
          subject
              + ": the path holds variables, so Nginx writes several files; the watcher follows one",
          "give the requests to watch an access_log with a fixed path");
    }
    if (log.condition() != null && watched) {
      return Check.warn(
          name,
          subject
              + " is written only when "
              + log.condition()
              + " is set and not 0: the error rate counts only the requests it logs",
          "drop if= from that access_log, or be sure it never skips a 5xx");
    }
    return Check.ok(
        name, subject + (watched ? ": the watched log (LOG_PATH)" : ": not LOG_PATH, not watched"));
  }

  private static Check configured(Optional<FormatDef> found, String configured, String logPath) {
    String name = "format-set";
    if (found.isEmpty()) {
      return Check.ok(
          name,
          "NGINX_LOG_FORMAT is "
              + (configured == null ? "unset" : "set")
              + "; not compared (no single format for LOG_PATH)");
    }
    FormatDef def = found.get();
    if (configured == null) {
      return Check.ok(
          name,
          "NGINX_LOG_FORMAT is unset: watcher run takes log_format "
              + def.name()
              + " from nginx.conf (NGINX_CONF)");
    }
    String text;
    try {
      text = LogFormat.compile(configured).text();
    } catch (LogFormatException e) {
      return Check.fail(
          name,
          "NGINX_LOG_FORMAT does not compile: " + e.getMessage(),
          "unset it (watcher run then reads log_format " + def.name() + " from nginx.conf)");
    }
    if (text.equals(def.text())) {
      return Check.ok(
          name,
          "NGINX_LOG_FORMAT is log_format "
              + def.name()
              + ", the one Nginx writes "
              + logPath
              + " in");
    }
    return Check.fail(
        name,
        "NGINX_LOG_FORMAT is not log_format "
            + def.name()
            + " ("
            + def.where()
            + "), the one Nginx writes "
            + logPath
            + " in: every line would be malformed",
        "unset NGINX_LOG_FORMAT (watcher run then reads it from nginx.conf), or set it to "
            + def.directive());
  }

  private static boolean isFile(String path) {
    return !path.startsWith("syslog:") && !path.contains("$");
  }
}
