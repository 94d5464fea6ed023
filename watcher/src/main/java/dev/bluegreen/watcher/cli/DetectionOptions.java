package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.Settings;
import dev.bluegreen.watcher.WatcherConfig;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The settings every command that decides alerts shares. Values stay text here; {@link
 * WatcherConfig#load} validates them, so a bad flag and a bad environment variable get the same
 * one-line error.
 */
final class DetectionOptions {

  @Option(
      names = "--nginx-log-format",
      paramLabel = "FORMAT",
      description = {
        "The log_format as written in nginx.conf: the whole directive, its quoted strings, or the"
            + " bare format (key=value, key:value, combined, escape=json all work).",
        "Env NGINX_LOG_FORMAT. Default: the sandbox's key=value format (see README)."
      })
  String logFormat;

  @Option(
      names = "--window-size",
      paramLabel = "N",
      description = "Requests in the sliding error-rate window. Env WINDOW_SIZE, default 200.")
  String windowSize;

  @Option(
      names = "--error-rate-threshold",
      paramLabel = "PERCENT",
      description =
          "Alert when more than this percent of the window are 5xx (seen by clients or hidden by"
              + " Nginx retries). Env ERROR_RATE_THRESHOLD, default 2.")
  String errorRateThreshold;

  @Option(
      names = "--min-requests",
      paramLabel = "N",
      description =
          "Judge the error rate only once the window holds this many requests."
              + " Env MIN_REQUESTS, default 50 (or the window size if that is smaller).")
  String minRequests;

  @Option(
      names = "--alert-cooldown-sec",
      paramLabel = "SECONDS",
      description =
          "At most one alert of a kind per this many seconds; recoveries are never held back."
              + " Env ALERT_COOLDOWN_SEC, default 300.")
  String alertCooldownSec;

  @Option(
      names = "--active-pool",
      paramLabel = "POOL",
      description =
          "The pool expected to serve; traffic served by another is a failover."
              + " Env ACTIVE_POOL, default blue.")
  String activePool;

  @Option(
      names = "--maintenance",
      paramLabel = "true|false",
      arity = "0..1",
      fallbackValue = "true",
      description = "Suppress alerts (maintenance mode). Env MAINTENANCE_MODE, default false.")
  String maintenance;

  @Option(
      names = "--parse-threads",
      paramLabel = "N",
      description =
          "Threads that parse a big read (a backlog, a replay), 1 to 4; deciding stays on one."
              + " Env PARSE_THREADS, default one per core, up to 4.")
  String parseThreads;

  /**
   * Validates the flags over the environment; throws InvalidSettingException naming the setting.
   */
  WatcherConfig toConfig(Map<String, String> env) {
    Map<String, Settings.Flag> flags = new HashMap<>();
    flags.put("NGINX_LOG_FORMAT", new Settings.Flag("--nginx-log-format", logFormat));
    flags.put("WINDOW_SIZE", new Settings.Flag("--window-size", windowSize));
    flags.put(
        "ERROR_RATE_THRESHOLD", new Settings.Flag("--error-rate-threshold", errorRateThreshold));
    flags.put("MIN_REQUESTS", new Settings.Flag("--min-requests", minRequests));
    flags.put("ALERT_COOLDOWN_SEC", new Settings.Flag("--alert-cooldown-sec", alertCooldownSec));
    flags.put("ACTIVE_POOL", new Settings.Flag("--active-pool", activePool));
    flags.put("MAINTENANCE_MODE", new Settings.Flag("--maintenance", maintenance));
    flags.put("PARSE_THREADS", new Settings.Flag("--parse-threads", parseThreads));
    return WatcherConfig.load(new Settings(flags, env));
  }
}
