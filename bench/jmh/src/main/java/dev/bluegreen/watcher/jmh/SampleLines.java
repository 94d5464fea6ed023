package dev.bluegreen.watcher.jmh;

import dev.bluegreen.watcher.parse.LogFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mix of requests bench/generate_log.py writes (paths, 200/304/404, Nginx's own health checks,
 * a rare 502 no pool served), as distinct lines the benchmarks cycle through so that no cache in
 * the parser sees one line over and over. Every request is served by blue: no alert is decided.
 */
final class SampleLines {
  /** Distinct lines per cycle; a power of two so the next index is a mask. */
  static final int COUNT = 1024;

  /** The sandbox's variables in nginx's escape=json layout. */
  private static final String JSON_LAYOUT =
      "{\"time\":\"$time_iso8601\",\"remote_addr\":\"$remote_addr\",\"request\":\"$request\","
          + "\"status\":$status,\"body_bytes\":$body_bytes_sent,"
          + "\"pool\":\"$upstream_http_x_app_pool\",\"release\":\"$upstream_http_x_release_id\","
          + "\"upstream_status\":\"$upstream_status\",\"upstream_addr\":\"$upstream_addr\","
          + "\"request_time\":$request_time,\"upstream_response_time\":\"$upstream_response_time\","
          + "\"request_id\":\"$request_id\"}";

  /** {@link #JSON_LAYOUT} as written in nginx.conf. */
  static final String JSON_FORMAT = "log_format json escape=json '" + JSON_LAYOUT + "';";

  private static final String[] PATHS = {
    "/version",
    "/api/orders/%d",
    "/api/orders/%d/items",
    "/static/app.js",
    "/login",
    "/api/search?q=item%d",
    "/favicon.ico"
  };
  private static final int PER_SECOND = 200;
  private static final long START_SECOND = 1_763_700_000L;
  private static final DateTimeFormatter TIME_LOCAL =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME_ISO8601 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
  private static final Pattern VARIABLE = Pattern.compile("\\$([a-z0-9_]+)");

  private SampleLines() {}

  /** {@link #COUNT} lines in the sandbox's key=value format ({@link LogFormat#SANDBOX}). */
  static byte[][] sandbox() {
    return render(LogFormat.SANDBOX, "-");
  }

  /** The same requests in {@link #JSON_FORMAT}. */
  static byte[][] json() {
    return render(JSON_LAYOUT, ""); // with escape=json, nginx logs a missing value as ""
  }

  private static byte[][] render(String layout, String missing) {
    byte[][] lines = new byte[COUNT][];
    for (int n = 0; n < COUNT; n++) {
      Map<String, String> values = request(n);
      Matcher variable = VARIABLE.matcher(layout);
      String line =
          variable.replaceAll(
              v -> Matcher.quoteReplacement(values.getOrDefault(v.group(1), missing)));
      lines[n] = line.getBytes(StandardCharsets.UTF_8);
    }
    return lines;
  }

  /** The variables of request n of bench/generate_log.py's log; a missing one is absent. */
  private static Map<String, String> request(int n) {
    Instant time = Instant.ofEpochSecond(START_SECOND + n / PER_SECOND);
    String path = String.format(PATHS[n % PATHS.length], n % 9973);
    Map<String, String> v = new HashMap<>();
    v.put("remote_addr", "10.1." + n % 251 + "." + n % 13);
    v.put("remote_user", "-");
    v.put("time_local", TIME_LOCAL.format(time));
    v.put("time_iso8601", TIME_ISO8601.format(time));
    v.put("request_id", String.format("%016x%016x", n * 0x9E3779B97F4A7C15L, (long) n << 20));
    if (n % 100 == 42) { // a health check Nginx answers itself: no pool, no upstream
      v.put("request", "GET /nginx-health HTTP/1.1");
      v.put("status", "200");
      v.put("body_bytes_sent", "3");
      v.put("request_time", "0.000");
    } else if (n % 1000 == 500) { // neither pool answered: the client saw the error
      v.put("request", "GET " + path + " HTTP/1.1");
      v.put("status", "502");
      v.put("body_bytes_sent", "157");
      v.put("upstream_status", "502, 502");
      v.put("upstream_addr", "10.0.0.2:3000, 10.0.0.3:3000");
      v.put("request_time", "0.012");
      v.put("upstream_response_time", "0.006, 0.006");
    } else {
      String status = n % 50 == 7 ? "404" : n % 7 == 3 ? "304" : "200";
      String seconds = String.format("0.%03d", 2 + n % 37);
      v.put("request", "GET " + path + " HTTP/1.1");
      v.put("status", status);
      v.put("body_bytes_sent", Integer.toString(57 + n % 900));
      v.put("upstream_http_x_app_pool", "blue");
      v.put("upstream_http_x_release_id", "blue-1");
      v.put("upstream_status", status);
      v.put("upstream_addr", "10.0.0.2:3000");
      v.put("request_time", seconds);
      v.put("upstream_response_time", seconds);
    }
    return v;
  }
}
