package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.LiveConfig;
import dev.bluegreen.watcher.Settings;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The settings of {@code watcher run} beyond the decisions; validated by {@link LiveConfig}. */
final class LiveOptions {

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description =
          "The access log to follow; it may be missing at start (waited for) and rotated in any"
              + " way. Env LOG_PATH, default /var/log/nginx/access.log.")
  String logPath;

  @Option(
      names = "--from-start",
      description =
          "Read the log from its start instead of its end when there is no state to resume from.")
  boolean fromStart;

  @Option(
      names = "--state-file",
      paramLabel = "FILE",
      description =
          "Keep the read position and alert state here, so a restart resumes where it stopped"
              + " and never repeats an alert. Env STATE_FILE, default none (start at the end).")
  String stateFile;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "Port of /healthz, /metrics and the admin endpoints used by 'watcher ctl'"
              + " (0 picks a free port). Env HTTP_PORT, default 9180.")
  String httpPort;

  @Option(
      names = "--http-bind",
      paramLabel = "ADDRESS",
      description =
          "Address that port listens on; admin endpoints answer loopback clients only."
              + " Env HTTP_BIND, default 127.0.0.1 (the container image uses 0.0.0.0).")
  String httpBind;

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      description =
          "The watcher's own log lines on stderr: readable text, or JSON lines for containers."
              + " Env LOG_FORMAT, default text.")
  String logFormat;

  LiveConfig toConfig(Map<String, String> env) {
    Map<String, Settings.Flag> flags = new HashMap<>();
    flags.put("LOG_PATH", new Settings.Flag("--log", logPath));
    flags.put("STATE_FILE", new Settings.Flag("--state-file", stateFile));
    flags.put("HTTP_PORT", new Settings.Flag("--http-port", httpPort));
    flags.put("HTTP_BIND", new Settings.Flag("--http-bind", httpBind));
    flags.put("LOG_FORMAT", new Settings.Flag("--log-format", logFormat));
    return LiveConfig.load(new Settings(flags, env), fromStart);
  }
}
