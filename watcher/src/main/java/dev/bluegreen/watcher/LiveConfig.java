package dev.bluegreen.watcher;

import static dev.bluegreen.watcher.Setting.ADMIN_TOKEN;
import static dev.bluegreen.watcher.Setting.ADMIN_TOKEN_FILE;
import static dev.bluegreen.watcher.Setting.HTTP_BIND;
import static dev.bluegreen.watcher.Setting.HTTP_PORT;
import static dev.bluegreen.watcher.Setting.LOG_PATH;
import static dev.bluegreen.watcher.Setting.NGINX_CONF;
import static dev.bluegreen.watcher.Setting.PROBE_INTERVAL_SEC;
import static dev.bluegreen.watcher.Setting.PROBE_URLS;
import static dev.bluegreen.watcher.Setting.STATE_FILE;
import static dev.bluegreen.watcher.Setting.WATCHER_LOG_FORMAT;

import dev.bluegreen.watcher.ops.AdminToken;
import dev.bluegreen.watcher.probe.ProbeConfig;
import dev.bluegreen.watcher.source.LogFollower;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of {@code watcher run} beyond the decisions: which log to follow, where to keep state,
 * where to serve health and metrics, and how the watcher writes its own log.
 *
 * @param logPath the access log to follow
 * @param start where to begin when there is no state to resume from
 * @param stateFile where the position and alert state are kept across restarts, or {@code null}
 * @param httpBind the address /healthz, /metrics and the admin endpoints listen on
 * @param httpPort their port; 0 picks a free one
 * @param jsonLogs the watcher's own log lines as JSON (for containers) rather than text
 * @param nginxConf nginx.conf, where the log format of {@code logPath} is looked up when {@code
 *     NGINX_LOG_FORMAT} is unset
 * @param adminToken the token set by ADMIN_TOKEN, or {@code null}: then the one in adminTokenFile
 * @param adminTokenFile where the generated admin token is kept and {@code watcher ctl} reads it
 * @param probes the pools' health URLs to check, and how often ({@link ProbeConfig#NONE}: none)
 */
public record LiveConfig(
    Path logPath,
    LogFollower.Start start,
    Path stateFile,
    String httpBind,
    int httpPort,
    boolean jsonLogs,
    Path nginxConf,
    AdminToken adminToken,
    Path adminTokenFile,
    ProbeConfig probes) {

  /**
   * Without an admin token (tests that use no admin endpoint: the token file beside the state),
   * with nginx.conf at {@link #DEFAULT_NGINX_CONF}.
   */
  public LiveConfig(
      Path logPath,
      LogFollower.Start start,
      Path stateFile,
      String httpBind,
      int httpPort,
      boolean jsonLogs) {
    this(
        logPath,
        start,
        stateFile,
        httpBind,
        httpPort,
        jsonLogs,
        Path.of(DEFAULT_NGINX_CONF),
        null,
        AdminToken.defaultFile(stateFile, Map.of()),
        ProbeConfig.NONE);
  }

  /** This config with {@code probes}. */
  public LiveConfig withProbes(ProbeConfig probes) {
    return new LiveConfig(
        logPath,
        start,
        stateFile,
        httpBind,
        httpPort,
        jsonLogs,
        nginxConf,
        adminToken,
        adminTokenFile,
        probes);
  }

  /** Where Nginx writes its access log on Debian and in the official image. */
  public static final String DEFAULT_LOG_PATH = "/var/log/nginx/access.log";

  /** Where Debian's Nginx and the official image keep their configuration. */
  public static final String DEFAULT_NGINX_CONF = "/etc/nginx/nginx.conf";

  /** The watcher's HTTP port: /healthz, /metrics, admin. */
  public static final int DEFAULT_HTTP_PORT = 9180;

  /** Loopback only by default; the container image sets 0.0.0.0 so Prometheus can scrape it. */
  public static final String DEFAULT_HTTP_BIND = "127.0.0.1";

  /** Readable lines for a terminal; the container image sets json. */
  public static final String DEFAULT_WATCHER_LOG_FORMAT = "text";

  /** Reads and validates the live settings; throws {@link InvalidSettingException}. */
  public static LiveConfig load(Settings settings, boolean fromStart) {
    String log = settings.text(LOG_PATH, DEFAULT_LOG_PATH).strip();
    if (log.isEmpty()) {
      throw settings.invalid(LOG_PATH, log, "must name the access log file");
    }
    String conf = settings.text(NGINX_CONF, DEFAULT_NGINX_CONF).strip();
    if (conf.isEmpty()) {
      throw settings.invalid(NGINX_CONF, conf, "must name nginx.conf");
    }
    String state = settings.text(STATE_FILE, "").strip();
    int port = settings.integer(HTTP_PORT, DEFAULT_HTTP_PORT, 0, 65_535);
    String bind = settings.text(HTTP_BIND, DEFAULT_HTTP_BIND).strip();
    String format =
        settings
            .text(WATCHER_LOG_FORMAT, DEFAULT_WATCHER_LOG_FORMAT)
            .strip()
            .toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      throw settings.invalid(WATCHER_LOG_FORMAT, format, "must be text or json");
    }
    Path stateFile = state.isEmpty() ? null : Path.of(state);
    return new LiveConfig(
        Path.of(log),
        fromStart ? LogFollower.Start.BEGINNING : LogFollower.Start.END,
        stateFile,
        bind,
        port,
        format.equals("json"),
        Path.of(conf),
        adminToken(settings),
        adminTokenFile(settings, stateFile),
        probes(settings));
  }

  /** PROBE_URLS and PROBE_INTERVAL_SEC, checked. */
  public static ProbeConfig probes(Settings settings) {
    String urls = settings.text(PROBE_URLS, "").strip();
    int interval = settings.integer(PROBE_INTERVAL_SEC, ProbeConfig.DEFAULT_INTERVAL_SEC, 1, 3600);
    try {
      return new ProbeConfig(ProbeConfig.parseTargets(urls), Duration.ofSeconds(interval));
    } catch (IllegalArgumentException e) {
      throw settings.invalid(PROBE_URLS, urls, e.getMessage());
    }
  }

  /** ADMIN_TOKEN, checked; {@code null} when unset. */
  public static AdminToken adminToken(Settings settings) {
    String token = settings.raw(ADMIN_TOKEN);
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      return AdminToken.of(token);
    } catch (IllegalArgumentException e) {
      throw settings.invalidSecret(ADMIN_TOKEN, e.getMessage());
    }
  }

  /** ADMIN_TOKEN_FILE, or its default beside {@code stateFile}: run and ctl agree on it. */
  public static Path adminTokenFile(Settings settings, Path stateFile) {
    String file = settings.text(ADMIN_TOKEN_FILE, "").strip();
    if (!file.isEmpty()) {
      return Path.of(file);
    }
    Map<String, String> env = new HashMap<>();
    String runtime = settings.environment("XDG_RUNTIME_DIR");
    if (runtime != null) {
      env.put("XDG_RUNTIME_DIR", runtime);
    }
    return AdminToken.defaultFile(stateFile, env);
  }
}
