package dev.bluegreen.watcher;

import static dev.bluegreen.watcher.Setting.Group.DELIVERY;
import static dev.bluegreen.watcher.Setting.Group.DETECTION;
import static dev.bluegreen.watcher.Setting.Group.LIVE;

import dev.bluegreen.watcher.notify.DeliveryConfig;
import dev.bluegreen.watcher.parse.BlockParser;
import dev.bluegreen.watcher.probe.ProbeConfig;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The settings table: each constant is one setting, named as its environment variable, with its
 * flag, its parameter label, its default (taken from the config records' {@code DEFAULT_*}
 * constants) and what it does. The CLI builds its options and their help from this table, the
 * config loaders read values through it, and a test holds {@code .env.example} to it.
 */
public enum Setting {
  NGINX_LOG_FORMAT(
      DETECTION,
      "--nginx-log-format",
      "FORMAT",
      SettingDefault.unset(
          "run: the format NGINX_CONF writes LOG_PATH in, else the sandbox's key=value format"
              + " (see README)"),
      "The log_format as written in nginx.conf: the whole directive, its quoted strings, or the"
          + " bare format (key=value, key:value, escape=json all work); or 'combined', the name"
          + " of Nginx's predefined format (it has no pool: only the error rate is watched)."),
  WINDOW_SIZE(
      DETECTION,
      "--window-size",
      "N",
      SettingDefault.of(WatcherConfig.DEFAULT_WINDOW_SIZE),
      "Requests in the sliding window of the error rate and of the p99 request time."),
  ERROR_RATE_THRESHOLD(
      DETECTION,
      "--error-rate-threshold",
      "PERCENT",
      SettingDefault.of(WatcherConfig.DEFAULT_ERROR_RATE_THRESHOLD),
      "Alert when more than this percent of the window are 5xx (seen by clients or hidden by"
          + " Nginx retries)."),
  MIN_REQUESTS(
      DETECTION,
      "--min-requests",
      "N",
      SettingDefault.of(
          WatcherConfig.DEFAULT_MIN_REQUESTS, "(or the window size if that is smaller)"),
      "Judge the error rate (and the p99 request time) only once the window holds this many"
          + " requests."),
  LATENCY_P99_MS(
      DETECTION,
      "--latency-p99-ms",
      "MILLISECONDS",
      SettingDefault.of(WatcherConfig.DEFAULT_LATENCY_P99_MS),
      "Alert when the p99 of $request_time over the window is above this (resolved at half);"
          + " keep it below Nginx's proxy_read_timeout, or only failovers can reach it."),
  ALERT_COOLDOWN_SEC(
      DETECTION,
      "--alert-cooldown-sec",
      "SECONDS",
      SettingDefault.of(WatcherConfig.DEFAULT_ALERT_COOLDOWN_SEC),
      "Seconds between reminders of an open episode (0: none); new episodes are never held back;"
          + " a third failover within it is flapping."),
  FLAP_SETTLE_SEC(
      DETECTION,
      "--flap-settle-sec",
      "SECONDS",
      SettingDefault.of(WatcherConfig.DEFAULT_FLAP_SETTLE_SEC),
      "After a flapping alert, how long (log time) one pool must serve alone before where it"
          + " settled is announced."),
  ACTIVE_POOL(
      DETECTION,
      "--active-pool",
      "POOL",
      SettingDefault.of(WatcherConfig.DEFAULT_ACTIVE_POOL),
      "The pool expected to serve; traffic served by another is a failover."),
  MAINTENANCE_MODE(
      DETECTION,
      "--maintenance",
      "true|false",
      SettingDefault.of(WatcherConfig.DEFAULT_MAINTENANCE),
      "Suppress alerts (maintenance mode)."),
  PARSE_THREADS(
      DETECTION,
      "--parse-threads",
      "N",
      SettingDefault.unset("one per core, up to " + BlockParser.MAX_THREADS),
      "Threads that parse a big read (a backlog, a replay), 1 to "
          + BlockParser.MAX_THREADS
          + "; deciding stays on one."),

  LOG_PATH(
      LIVE,
      "--log",
      "FILE",
      SettingDefault.of(LiveConfig.DEFAULT_LOG_PATH),
      "The access log to follow; it may be missing at start (waited for) and rotated in any way."),
  NGINX_CONF(
      LIVE,
      "--nginx-conf",
      "FILE",
      SettingDefault.of(LiveConfig.DEFAULT_NGINX_CONF),
      "nginx.conf, or a saved 'nginx -T' output: with NGINX_LOG_FORMAT unset, 'run' uses the"
          + " log_format of the access_log written to LOG_PATH here (if none, the sandbox's);"
          + " 'doctor' checks it."),
  STATE_FILE(
      LIVE,
      "--state-file",
      "FILE",
      SettingDefault.unset("none (start at the end)"),
      "Keep the read position and alert state here, so a restart resumes where it stopped and"
          + " never repeats an alert."),
  HTTP_PORT(
      LIVE,
      "--http-port",
      "PORT",
      SettingDefault.of(LiveConfig.DEFAULT_HTTP_PORT),
      "Port of the status page (/), /healthz, /metrics and the admin endpoints used by 'watcher"
          + " ctl' (0 picks a free port)."),
  HTTP_BIND(
      LIVE,
      "--http-bind",
      "ADDRESS",
      SettingDefault.of(LiveConfig.DEFAULT_HTTP_BIND, "(the container image uses 0.0.0.0)"),
      "Address that port listens on; admin endpoints answer loopback clients only, changes only"
          + " with the admin token."),
  ADMIN_TOKEN(
      LIVE,
      "--admin-token",
      "TOKEN",
      SettingDefault.unset("unset: one generated once into ADMIN_TOKEN_FILE"),
      "The secret every change through the admin endpoints carries ('watcher ctl' sends it); at"
          + " least 16 characters. A credential: prefer the environment, a flag shows in ps."),
  ADMIN_TOKEN_FILE(
      LIVE,
      "--admin-token-file",
      "FILE",
      SettingDefault.unset(
          "admin-token beside STATE_FILE; without one, in $XDG_RUNTIME_DIR/bluegreen-watch, else"
              + " in the home directory (README, Admin token)"),
      "Without ADMIN_TOKEN, where 'watcher run' keeps the admin token it generated (0600) and"
          + " where 'watcher ctl' reads it. To rotate: delete it and restart the watcher."),
  /** Was LOG_FORMAT and --log-format, too easily taken for the access log's format. */
  WATCHER_LOG_FORMAT(
      LIVE,
      "--watcher-log-format",
      "text|json",
      SettingDefault.of(LiveConfig.DEFAULT_WATCHER_LOG_FORMAT),
      "The watcher's own log lines on stderr: readable text, or JSON lines for containers (the"
          + " access log's format is --nginx-log-format).",
      "LOG_FORMAT",
      "--log-format"),
  PROBE_URLS(
      LIVE,
      "--probe-urls",
      "POOL=URL,...",
      SettingDefault.unset("unset: no probes"),
      "Each pool's health URL (blue=http://blue:3000/healthz,green=http://green:3000/healthz):"
          + " 3 failed checks in a row of the pool not serving send standby_down."),
  PROBE_INTERVAL_SEC(
      LIVE,
      "--probe-interval-sec",
      "SECONDS",
      SettingDefault.of(ProbeConfig.DEFAULT_INTERVAL_SEC),
      "Seconds between two checks of each PROBE_URLS pool (1..3600); a check times out after 2 s"
          + " to connect and 3 s to answer."),

  SLACK_WEBHOOK_URL(
      DELIVERY,
      "--slack-webhook-url",
      "URL",
      SettingDefault.unset("unset: alerts are printed to stdout (dry run)"),
      "Slack incoming webhook (https://hooks.slack.com/services/...). It is a credential: prefer"
          + " the environment, a flag shows in ps."),
  ALERT_WEBHOOK_URL(
      DELIVERY,
      "--alert-webhook-url",
      "URL",
      SettingDefault.unset("unset (off)"),
      "Also POST each alert as JSON (the object 'replay --format json' prints) to this URL."),
  ALERTMANAGER_URL(
      DELIVERY,
      "--alertmanager-url",
      "URL",
      SettingDefault.unset("unset (off)"),
      "Also send alerts to Prometheus Alertmanager at this base URL (e.g. http://am:9093), via"
          + " POST /api/v2/alerts."),
  WATCHER_INSTANCE(
      DELIVERY,
      "--instance",
      "NAME",
      SettingDefault.unset("this host's name"),
      "The name of the watched Nginx in messages and Alertmanager's instance label; watchers of"
          + " one Nginx should share it."),
  ALERT_QUEUE_CAPACITY(
      DELIVERY,
      "--alert-queue-capacity",
      "N",
      SettingDefault.of(DeliveryConfig.DEFAULT_QUEUE_CAPACITY),
      "Messages each sink keeps undelivered before collapsing and dropping (never a first"
          + " announcement).");

  /** Which config record loads a setting, and so which commands offer it. */
  public enum Group {
    /** {@link WatcherConfig}: {@code replay} and {@code run}. */
    DETECTION,
    /** {@link LiveConfig}: {@code run}. */
    LIVE,
    /** {@link DeliveryConfig}: {@code run} and {@code test-alert}. */
    DELIVERY
  }

  private final Group group;
  private final String flag;
  private final String paramLabel;
  private final SettingDefault defaultValue;
  private final String doc;
  private final String deprecatedName;
  private final String deprecatedFlag;

  Setting(Group group, String flag, String paramLabel, SettingDefault defaultValue, String doc) {
    this(group, flag, paramLabel, defaultValue, doc, null, null);
  }

  Setting(
      Group group,
      String flag,
      String paramLabel,
      SettingDefault defaultValue,
      String doc,
      String deprecatedName,
      String deprecatedFlag) {
    this.group = group;
    this.flag = flag;
    this.paramLabel = paramLabel;
    this.defaultValue = defaultValue;
    this.doc = doc;
    this.deprecatedName = deprecatedName;
    this.deprecatedFlag = deprecatedFlag;
  }

  /** The settings of {@code groups}, in table order. */
  public static List<Setting> of(Group... groups) {
    List<Group> wanted = Arrays.asList(groups);
    return Stream.of(values()).filter(s -> wanted.contains(s.group)).toList();
  }

  public String flag() {
    return flag;
  }

  public String paramLabel() {
    return paramLabel;
  }

  public SettingDefault defaultValue() {
    return defaultValue;
  }

  /** What the setting does, in one or two sentences; help adds the variable and the default. */
  public String doc() {
    return doc;
  }

  /** Whether {@code --flag} alone means true: so for every true|false setting. */
  public boolean isSwitch() {
    return paramLabel.equals("true|false");
  }

  /** The old environment variable that still works for one release, or {@code null}. */
  public String deprecatedName() {
    return deprecatedName;
  }

  /** The old flag that still works for one release, or {@code null}. */
  public String deprecatedFlag() {
    return deprecatedFlag;
  }
}
