package dev.bluegreen.watcher.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bluegreen.watcher.detect.PoolName;
import dev.bluegreen.watcher.health.Health;
import dev.bluegreen.watcher.health.Problem;
import dev.bluegreen.watcher.time.Timing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watcher's HTTP face: {@code GET /healthz}, {@code GET /metrics}, and the live controls under
 * {@code /admin/} that {@code watcher ctl} uses. Controls answer only clients on the loopback
 * interface, whatever address the server listens on.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Controls watcher;
  private final Metrics metrics;
  private final Timing timing;

  private AdminServer(HttpServer server, Controls watcher, Timing timing) {
    this.server = server;
    this.watcher = watcher;
    this.timing = timing;
    this.metrics = new Metrics(watcher::status);
    server.createContext("/healthz", this::healthz);
    server.createContext("/metrics", this::metrics);
    server.createContext("/admin/", this::admin);
    server.setExecutor(Executors.newFixedThreadPool(2, daemon()));
  }

  /** Starts serving on {@code bind:port} (port 0 picks a free one). */
  public static AdminServer start(String bind, int port, Controls watcher, Timing timing)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 16);
    AdminServer admin = new AdminServer(server, watcher, timing);
    server.start();
    log.info("serving /healthz, /metrics and /admin on {}:{}", bind, admin.port());
    return admin;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void healthz(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      send(exchange, 405, Map.of("error", "use GET"));
      return;
    }
    WatcherStatus status = watcher.status();
    // 503 while blind, so Docker's, systemd's and Kubernetes' checks see it
    send(exchange, status.health().failing() ? 503 : 200, health(status, now()));
  }

  /**
   * The health document: status ({@code ok}, {@code degraded}, {@code failing}) and its problems,
   * the log followed, lines read, seconds since the last line.
   */
  static Map<String, Object> health(WatcherStatus status, long nowMillis) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.health().status().wireName());
    body.put("problems", problems(status.health()));
    body.put("waiting_for_log", status.waitingForLog());
    body.put("log", status.log());
    body.put("lines", status.lines());
    body.put("malformed", status.malformed());
    body.put(
        "seconds_since_last_line",
        status.lastLineMillis() == 0 ? null : (nowMillis - status.lastLineMillis()) / 1000.0);
    body.put("active_pool", status.primary());
    body.put("serving_pool", status.servingPool());
    body.put("announced_pool", status.announcedPool());
    body.put("maintenance", status.maintenance());
    body.put("alerts", status.alerts());
    body.put("rotations", status.rotations());
    return body;
  }

  private static List<Map<String, Object>> problems(Health health) {
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Problem problem : health.problems()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("code", problem.code().wireName());
      one.put("since", Instant.ofEpochMilli(problem.sinceMillis()).toString());
      one.put("detail", problem.detail());
      one.put("fix", problem.code().fix());
      problems.add(one);
    }
    return problems;
  }

  private void metrics(HttpExchange exchange) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    metrics.write(body);
    exchange.getResponseHeaders().set("Content-Type", metrics.contentType());
    exchange.sendResponseHeaders(200, body.size());
    try (OutputStream out = exchange.getResponseBody()) {
      body.writeTo(out);
    }
  }

  private void admin(HttpExchange exchange) throws IOException {
    if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
      send(exchange, 403, Map.of("error", "admin endpoints answer only on loopback"));
      return;
    }
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    try {
      switch (path) {
        case "/admin/status" -> send(exchange, 200, health(watcher.status(), now()));
        case "/admin/maintenance" -> {
          if (!requirePost(exchange)) {
            return;
          }
          String on = query.getOrDefault("on", "");
          if (!on.equals("true") && !on.equals("false")) {
            send(exchange, 400, Map.of("error", "on must be true or false"));
            return;
          }
          WatcherStatus status =
              watcher
                  .maintenance(Boolean.parseBoolean(on))
                  .get(Controls.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          send(exchange, 200, health(status, now()));
        }
        case "/admin/active-pool" -> {
          if (!requirePost(exchange)) {
            return;
          }
          String pool = query.getOrDefault("pool", "");
          if (!PoolName.isValid(pool)) {
            send(exchange, 400, Map.of("error", "pool " + PoolName.RULE));
            return;
          }
          WatcherStatus status =
              watcher.activePool(pool).get(Controls.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          send(exchange, 200, health(status, now()));
        }
        default -> send(exchange, 404, Map.of("error", "unknown admin endpoint " + path));
      }
    } catch (TimeoutException e) {
      send(
          exchange,
          503,
          Map.of(
              "error",
              "the watcher did not apply the change within "
                  + Controls.TIMEOUT.toSeconds()
                  + " s"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(exchange, 503, Map.of("error", "interrupted"));
    } catch (ExecutionException e) {
      send(exchange, 500, Map.of("error", String.valueOf(e.getCause())));
    }
  }

  private long now() {
    return timing.millis();
  }

  private static boolean requirePost(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("POST")) {
      return true;
    }
    send(exchange, 405, Map.of("error", "use POST"));
    return false;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static void send(HttpExchange exchange, int code, Map<String, ?> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "admin-http");
      thread.setDaemon(true);
      return thread;
    };
  }
}
