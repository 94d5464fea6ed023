package dev.bluegreen.watcher;

import static dev.bluegreen.watcher.Setting.ACTIVE_POOL;
import static dev.bluegreen.watcher.Setting.ALERT_COOLDOWN_SEC;
import static dev.bluegreen.watcher.Setting.ERROR_RATE_THRESHOLD;
import static dev.bluegreen.watcher.Setting.FLAP_SETTLE_SEC;
import static dev.bluegreen.watcher.Setting.LATENCY_P99_MS;
import static dev.bluegreen.watcher.Setting.MAINTENANCE_MODE;
import static dev.bluegreen.watcher.Setting.MIN_REQUESTS;
import static dev.bluegreen.watcher.Setting.NGINX_LOG_FORMAT;
import static dev.bluegreen.watcher.Setting.PARSE_THREADS;
import static dev.bluegreen.watcher.Setting.WINDOW_SIZE;

import dev.bluegreen.watcher.detect.PoolName;
import dev.bluegreen.watcher.parse.BlockParser;
import dev.bluegreen.watcher.parse.LogFormat;
import dev.bluegreen.watcher.parse.LogFormatException;
import java.time.Duration;

/**
 * Everything the watcher's decisions depend on, and how many threads parse, validated once at
 * start.
 *
 * @param logFormat the Nginx log_format the access log is written in
 * @param windowSize requests in the sliding error-rate window
 * @param errorRateThreshold percent of the window that must be errors to alert (strictly more)
 * @param minRequests requests the window must hold before the error rate or latency is judged
 * @param latencyP99Millis alert when the window's p99 {@code $request_time} is above this
 * @param alertCooldown time between two reminders of one open episode; zero means no reminders
 * @param flapSettle how long one pool must serve alone to end flapping
 * @param activePool the pool expected to serve; traffic elsewhere is a failover
 * @param maintenance alerts are suppressed
 * @param parseThreads threads that parse a big read (a backlog, a replay), the reading thread's
 *     included; deciding stays on the reading thread
 */
public record WatcherConfig(
    LogFormat logFormat,
    int windowSize,
    double errorRateThreshold,
    int minRequests,
    int latencyP99Millis,
    Duration alertCooldown,
    Duration flapSettle,
    String activePool,
    boolean maintenance,
    int parseThreads) {

  /** The last 200 requests: enough to smooth noise, short enough to react within seconds. */
  public static final int DEFAULT_WINDOW_SIZE = 200;

  /** Alert when more than 2 % of the window failed. */
  public static final double DEFAULT_ERROR_RATE_THRESHOLD = 2.0;

  /** Judge the rate only once 50 requests are in: 1 error in 3 requests is not a spike. */
  public static final int DEFAULT_MIN_REQUESTS = 50;

  /** The runbook's alert: p99 above 1 s. */
  public static final int DEFAULT_LATENCY_P99_MS = 1000;

  /** The largest latency threshold, an hour: more is almost surely a unit mistake. */
  public static final int MAX_LATENCY_P99_MS = 3_600_000;

  /** A reminder of an open episode every 5 minutes. */
  public static final int DEFAULT_ALERT_COOLDOWN_SEC = 300;

  /**
   * Flapping ends once one pool served alone for 30 s of log time: long enough for Nginx's
   * fail_timeout (10 s in the sandbox) to try the other pool again more than once.
   */
  public static final int DEFAULT_FLAP_SETTLE_SEC = 30;

  /** The longest flap settle time, an hour: longer leaves people without the pool that serves. */
  public static final int MAX_FLAP_SETTLE_SEC = 3600;

  /** Blue is the primary pool, green the backup. */
  public static final String DEFAULT_ACTIVE_POOL = "blue";

  /** Alerts are on unless someone turns them off. */
  public static final boolean DEFAULT_MAINTENANCE = false;

  /**
   * The largest window: it is allocated up front, about 21 bytes per request (a byte for the error
   * rate, 20 for the latency window's time and where the request was logged), so a million is 21 MB
   * of the container's 64 MB heap; at a thousand requests a second it spans a quarter of an hour,
   * longer than a window that is to react in time.
   */
  public static final int MAX_WINDOW_SIZE = 1_000_000;

  /**
   * The longest cooldown, a week: longer than anyone waits to hear of a problem again; more is
   * almost surely a unit mistake that would silence repeated alerts for good.
   */
  public static final int MAX_ALERT_COOLDOWN_SEC = 7 * 24 * 3600;

  /**
   * Reads and validates every setting; throws {@link InvalidSettingException} on the first bad one.
   */
  public static WatcherConfig load(Settings settings) {
    return load(settings, LogFormat.SANDBOX);
  }

  /**
   * As {@link #load(Settings)}, with {@code defaultFormat} as the log format when {@code
   * NGINX_LOG_FORMAT} is unset (what {@code run} found in nginx.conf).
   */
  public static WatcherConfig load(Settings settings, String defaultFormat) {
    LogFormat format;
    String formatText = settings.text(NGINX_LOG_FORMAT, defaultFormat);
    try {
      format = LogFormat.compile(formatText);
    } catch (LogFormatException e) {
      throw settings.invalid(NGINX_LOG_FORMAT, abbreviate(formatText), e.getMessage());
    }
    int windowSize = settings.integer(WINDOW_SIZE, DEFAULT_WINDOW_SIZE, 1, MAX_WINDOW_SIZE);
    double threshold = settings.decimal(ERROR_RATE_THRESHOLD, DEFAULT_ERROR_RATE_THRESHOLD, 0, 100);
    // unset, it is at most the window: a small WINDOW_SIZE alone is valid, judged once full
    int minRequests =
        settings.integer(
            MIN_REQUESTS, Math.min(DEFAULT_MIN_REQUESTS, windowSize), 1, MAX_WINDOW_SIZE);
    if (minRequests > windowSize) {
      throw settings.invalid(
          MIN_REQUESTS,
          Integer.toString(minRequests),
          String.format(
              "larger than %s (%d), so the error rate would never be judged",
              WINDOW_SIZE, windowSize));
    }
    int latencyP99 =
        settings.integer(LATENCY_P99_MS, DEFAULT_LATENCY_P99_MS, 1, MAX_LATENCY_P99_MS);
    int cooldown =
        settings.integer(ALERT_COOLDOWN_SEC, DEFAULT_ALERT_COOLDOWN_SEC, 0, MAX_ALERT_COOLDOWN_SEC);
    int flapSettle =
        settings.integer(FLAP_SETTLE_SEC, DEFAULT_FLAP_SETTLE_SEC, 1, MAX_FLAP_SETTLE_SEC);
    String activePool = settings.text(ACTIVE_POOL, DEFAULT_ACTIVE_POOL).strip();
    if (!PoolName.isValid(activePool)) {
      throw settings.invalid(ACTIVE_POOL, activePool, PoolName.RULE);
    }
    boolean maintenance = settings.bool(MAINTENANCE_MODE, DEFAULT_MAINTENANCE);
    int parseThreads =
        settings.integer(PARSE_THREADS, BlockParser.DEFAULT_THREADS, 1, BlockParser.MAX_THREADS);
    return new WatcherConfig(
        format,
        windowSize,
        threshold,
        minRequests,
        latencyP99,
        Duration.ofSeconds(cooldown),
        Duration.ofSeconds(flapSettle),
        activePool,
        maintenance,
        parseThreads);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
