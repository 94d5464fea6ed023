package dev.bluegreen.watcher.doctor;

import dev.bluegreen.watcher.doctor.NginxConf.Directive;
import dev.bluegreen.watcher.parse.ConfTokens;
import dev.bluegreen.watcher.parse.LogFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The access logs an nginx.conf writes and the log formats it defines, found the way Nginx applies
 * them: an {@code access_log} in http, server, location (or an {@code if} or {@code limit_except}
 * in it) replaces the ones inherited from outside; {@code access_log off} stops logging there; with
 * none at all, Nginx writes its default log in {@code combined}.
 *
 * @param formats the defined formats by name, {@code combined} included
 * @param logs each distinct log a request may be written to, in the order of the file
 */
public record AccessLogs(Map<String, FormatDef> formats, List<LogUse> logs) {

  /** Where Debian's Nginx writes when no access_log is given (its compiled-in path). */
  public static final String DEFAULT_PATH = "/var/log/nginx/access.log";

  /**
   * One {@code log_format}.
   *
   * @param name its name
   * @param text the format string, quotes removed and parts joined
   * @param json whether it has {@code escape=json}
   * @param where file and line, or "predefined by Nginx"
   */
  public record FormatDef(String name, String text, boolean json, String where) {
    /** The directive as {@link LogFormat#compile} and {@code NGINX_LOG_FORMAT} accept it. */
    public String directive() {
      return name
          + (json ? " escape=json" : "")
          + " '"
          + text.replace("\\", "\\\\").replace("'", "\\'")
          + "'";
    }
  }

  /**
   * One {@code access_log}.
   *
   * @param path the file, as written (it may hold variables or be {@code syslog:...})
   * @param format the name of the format it uses
   * @param condition the {@code if=} condition, or null when every request is logged
   * @param where file and line of the directive, or a note that it is Nginx's default
   */
  public record LogUse(String path, String format, String condition, String where) {}

  private static final Set<String> NESTED = Set.of("server", "location", "if", "limit_except");

  /** Finds the formats and logs of the {@code http} blocks among {@code conf}'s directives. */
  public static AccessLogs of(List<Directive> conf) {
    Map<String, FormatDef> formats = new LinkedHashMap<>();
    formats.put("combined", new FormatDef("combined", LogFormat.COMBINED, false, "predefined"));
    Map<String, LogUse> logs = new LinkedHashMap<>();
    for (Directive http : conf) {
      if (http.name().equals("http") && http.block() != null) {
        for (Directive d : http.block()) {
          if (d.name().equals("log_format") && !d.args().isEmpty()) {
            formats.put(d.args().get(0), format(d));
          }
        }
        List<LogUse> fallback =
            List.of(new LogUse(DEFAULT_PATH, "combined", null, "Nginx's default (no access_log)"));
        boolean hasServer = http.block().stream().anyMatch(d -> d.name().equals("server"));
        visit(http.block(), fallback, !hasServer, logs);
      }
    }
    return new AccessLogs(formats, List.copyOf(logs.values()));
  }

  /** The logs written to {@code path}. */
  public List<LogUse> logsAt(String path) {
    String wanted = normal(path);
    return logs.stream().filter(log -> normal(log.path()).equals(wanted)).toList();
  }

  /**
   * The format Nginx writes {@code path} in, when it writes it in exactly one that is defined (what
   * {@code watcher run} uses when {@code NGINX_LOG_FORMAT} is unset).
   */
  public Optional<FormatDef> formatAt(String path) {
    List<String> names = logsAt(path).stream().map(LogUse::format).distinct().toList();
    return names.size() == 1 ? Optional.ofNullable(formats.get(names.get(0))) : Optional.empty();
  }

  private static void visit(
      List<Directive> block, List<LogUse> inherited, boolean record, Map<String, LogUse> logs) {
    List<LogUse> own = new ArrayList<>();
    boolean off = false;
    boolean any = false;
    for (Directive d : block) {
      if (d.name().equals("access_log") && !d.args().isEmpty()) {
        any = true;
        if (d.args().get(0).equals("off")) {
          off = true;
        } else {
          own.add(use(d));
        }
      }
    }
    List<LogUse> effective = off ? List.of() : any ? own : inherited;
    if (record) {
      for (LogUse log : effective) {
        logs.putIfAbsent(log.path() + "\u0000" + log.format() + "\u0000" + log.condition(), log);
      }
    }
    for (Directive d : block) {
      if (NESTED.contains(d.name()) && d.block() != null) {
        visit(d.block(), effective, true, logs);
      }
    }
  }

  private static LogUse use(Directive d) {
    List<String> args = d.args().stream().map(AccessLogs::plain).toList();
    String format = args.size() > 1 && !args.get(1).contains("=") ? args.get(1) : "combined";
    String condition = null;
    for (String arg : args.subList(1, args.size())) {
      if (arg.startsWith("if=")) {
        condition = arg.substring(3);
      }
    }
    return new LogUse(args.get(0), format, condition, d.where());
  }

  private static FormatDef format(Directive d) {
    boolean json = false;
    StringBuilder text = new StringBuilder();
    for (String arg : d.args().subList(1, d.args().size())) {
      if (arg.startsWith("escape=")) {
        json = arg.equals("escape=json");
      } else {
        text.append(plain(arg));
      }
    }
    return new FormatDef(d.args().get(0), text.toString(), json, d.where());
  }

  private static String normal(String path) {
    return path.contains("$") || path.startsWith("syslog:")
        ? path
        : java.nio.file.Path.of(path).normalize().toString();
  }

  private static String plain(String arg) {
    return ConfTokens.isQuoted(arg) ? ConfTokens.unquote(arg) : arg;
  }
}
