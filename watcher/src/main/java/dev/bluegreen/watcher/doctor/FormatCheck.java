package dev.bluegreen.watcher.doctor;

import dev.bluegreen.watcher.doctor.AccessLogs.FormatDef;
import dev.bluegreen.watcher.doctor.AccessLogs.LogUse;
import dev.bluegreen.watcher.parse.Field;
import dev.bluegreen.watcher.parse.LogFormat;
import dev.bluegreen.watcher.parse.LogFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether an access log's format carries what the watcher reads: {@code $status} (without it
 * nothing works: a failure), the pool header, {@code $upstream_status}, {@code $request_time} and a
 * time (without those a part is blind: a warning). What is missing is named with the text to add,
 * in the format's own style (key=value, or JSON for {@code escape=json}).
 */
public final class FormatCheck {
  /** Check name on every line this class makes. */
  public static final String NAME = "log-format";

  /** One thing the watcher reads, how a format shows it, and what is lost without it. */
  private record Need(String key, String variable, Predicate<Field> has, String without) {}

  private static final List<Need> NEEDS =
      List.of(
          new Need("status", "$status", f -> f == Field.STATUS, "errors cannot be counted"),
          new Need(
              "pool",
              "$upstream_http_x_app_pool",
              f -> f == Field.POOL,
              "failovers cannot be seen"),
          new Need(
              "upstream_status",
              "$upstream_status",
              f -> f == Field.UPSTREAM_STATUS,
              "5xx answers Nginx retried on the backup are not counted"),
          new Need(
              "request_time",
              "$request_time",
              f -> f == Field.REQUEST_TIME,
              "slow requests cannot be seen"),
          new Need(
              "time",
              "$time_iso8601",
              Field::isTime,
              "lines are dated when read, so a backlog is judged as if it happened now"));

  private FormatCheck() {}

  /** The check of the format {@code log} is written in, looked up in {@code formats}. */
  public static Check of(LogUse log, AccessLogs formats) {
    String subject = log.path() + " (format " + log.format() + ", " + log.where() + ")";
    FormatDef def = formats.formats().get(log.format());
    if (def == null) {
      return Check.fail(
          NAME,
          subject + ": no log_format " + log.format() + " is defined",
          "define it in the http block, or Nginx itself refuses this configuration");
    }
    List<String> variables;
    try {
      variables = LogFormat.variables(def.text());
    } catch (LogFormatException e) {
      return Check.fail(
          NAME, subject + ": " + e.getMessage(), "fix the log_format at " + def.where());
    }
    List<Need> missing = new ArrayList<>();
    for (Need need : NEEDS) {
      if (variables.stream().map(Field::of).noneMatch(need.has())) {
        missing.add(need);
      }
    }
    if (missing.isEmpty() || !missing.get(0).key().equals("status")) {
      try {
        LogFormat.compile(def.directive());
      } catch (LogFormatException e) {
        return Check.fail(
            NAME, subject + ": " + e.getMessage(), "change the log_format at " + def.where());
      }
    }
    if (missing.isEmpty()) {
      return Check.ok(NAME, subject + ": has everything the watcher reads");
    }
    List<String> lost =
        missing.stream().map(n -> "no " + n.variable() + " (" + n.without() + ")").toList();
    String found = subject + ": " + String.join(", ", lost);
    String fix = fix(def, missing, log);
    return missing.get(0).key().equals("status")
        ? Check.fail(NAME, found, fix)
        : Check.warn(NAME, found, fix);
  }

  private static String fix(FormatDef def, List<Need> missing, LogUse log) {
    boolean json = def.json() || def.text().strip().startsWith("{");
    StringBuilder add = new StringBuilder();
    for (Need need : missing) {
      add.append(
          json
              ? "\"" + need.key() + "\":\"" + need.variable() + "\","
              : " " + need.key() + "=" + need.variable());
    }
    if (def.where().equals("predefined")) {
      return "combined is Nginx's own and cannot change: in the http block define log_format watched '"
          + def.text()
          + add
          + "'; and write the log with it: access_log "
          + log.path()
          + " watched; (or use the sandbox's format, README 'Log formats')";
    }
    return "add '"
        + add
        + "' to log_format "
        + def.name()
        + " at "
        + def.where()
        + (json ? " (inside the braces)" : "");
  }
}
