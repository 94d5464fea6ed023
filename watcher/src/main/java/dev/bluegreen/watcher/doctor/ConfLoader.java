package dev.bluegreen.watcher.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads nginx.conf as Nginx sees it: by {@code nginx -T} (with {@code -c FILE} when a file is
 * given), or, when that cannot run (no nginx here, or not allowed to open its logs as this user),
 * from the disk: the file and what it includes. A saved {@code nginx -T} output works as the file.
 */
public final class ConfLoader {
  /** How long {@code nginx -T} may take. */
  private static final int NGINX_SECONDS = 20;

  /** What was read, and the check line saying how; {@code logs} is null when nothing was. */
  public record Loaded(AccessLogs logs, Check check) {}

  private ConfLoader() {}

  /**
   * @param nginx the nginx binary, or null to read from the disk only
   * @param conf the file given, or null for nginx's own (from the disk: {@code defaultConf})
   */
  public static Loaded load(String nginx, String conf, String defaultConf) {
    String why = "no nginx binary";
    if (nginx != null) {
      List<String> command = new ArrayList<>(List.of(nginx, "-T"));
      if (conf != null) {
        command.addAll(List.of("-c", Path.of(conf).toAbsolutePath().toString()));
      }
      try {
        Host.Output output = Host.exec(command, NGINX_SECONDS);
        Map<String, String> files = ConfFiles.splitDump(output.out());
        if (output.exitStatus() == 0 && !files.isEmpty()) {
          String main = files.keySet().iterator().next();
          AccessLogs logs = AccessLogs.of(NginxConf.read(ConfFiles.ofDump(files), main));
          return new Loaded(
              logs,
              Check.ok(
                  "nginx-conf",
                  "read by "
                      + String.join(" ", command)
                      + ": "
                      + files.size()
                      + (files.size() == 1 ? " file, " : " files, ")
                      + summary(logs)));
        }
        why = String.join(" ", command) + " failed: " + lastLine(output.err());
      } catch (UncheckedIOException e) {
        why = String.join(" ", command) + " did not run: " + e.getCause().getMessage();
      } catch (ConfException e) {
        return new Loaded(null, Check.fail("nginx-conf", e.getMessage(), "fix nginx.conf"));
      }
    }
    return fromDisk(conf == null ? defaultConf : conf, why);
  }

  /** Reads {@code path} (and its includes) from the disk, or as a saved {@code nginx -T} dump. */
  public static AccessLogs fromDisk(String path) throws IOException {
    String text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
    Map<String, String> dump = ConfFiles.splitDump(text);
    if (!dump.isEmpty()) {
      return AccessLogs.of(NginxConf.read(ConfFiles.ofDump(dump), dump.keySet().iterator().next()));
    }
    String absolute = Path.of(path).toAbsolutePath().toString();
    return AccessLogs.of(NginxConf.read(ConfFiles.onDisk(), absolute));
  }

  private static Loaded fromDisk(String path, String why) {
    try {
      AccessLogs logs = fromDisk(path);
      return new Loaded(
          logs,
          Check.ok("nginx-conf", "read " + path + " from disk (" + why + "): " + summary(logs)));
    } catch (IOException | UncheckedIOException e) {
      return new Loaded(
          null,
          Check.fail(
              "nginx-conf",
              "cannot read " + path + " (" + why + "): " + e.getMessage(),
              "give --nginx-conf FILE (nginx.conf, or a saved 'nginx -T' output)"));
    } catch (ConfException e) {
      return new Loaded(null, Check.fail("nginx-conf", e.getMessage(), "fix nginx.conf"));
    }
  }

  private static String summary(AccessLogs logs) {
    return logs.logs().size()
        + " access log"
        + (logs.logs().size() == 1 ? "" : "s")
        + ", "
        + (logs.formats().size() - 1)
        + " log_format"
        + (logs.formats().size() == 2 ? "" : "s");
  }

  /** Nginx's own reason ({@code [emerg] ...}) rather than its closing "test failed". */
  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.stream()
        .filter(line -> line.contains("[emerg]"))
        .findFirst()
        .map(line -> line.substring(line.indexOf("[emerg]")).replaceFirst(" \\d+#\\d+: ", " "))
        .orElse(lines.isEmpty() ? "no message" : lines.get(lines.size() - 1));
  }
}
