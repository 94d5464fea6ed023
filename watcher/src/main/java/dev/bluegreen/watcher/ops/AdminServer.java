package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.detect.PoolName;
import dev.bluegreen.watcher.json.Json;
import dev.bluegreen.watcher.time.Timing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watcher's HTTP face: the read-only status page ({@code GET /}, live over {@code GET /events},
 * {@link EventStream}), {@code GET /healthz}, {@code GET /metrics}, and the live controls under
 * {@code /admin/} that {@code watcher ctl} uses ({@link Route} lists them). Who may use which is
 * {@link RequestCheck}'s; every refusal is logged with the client and the endpoint. The server
 * itself is {@link BoundedHttp}: stalled clients cannot freeze it.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

  private final Server server;
  private final Controls watcher;
  private final Metrics metrics;
  private final Timing timing;
  private final RequestCheck check;
  private final EventStream events;
  private final PageAssets page = new PageAssets();

  private AdminServer(String bind, int port, AdminToken token, Controls watcher, Timing timing)
      throws IOException {
    this.watcher = watcher;
    this.timing = timing;
    this.metrics = new Metrics(watcher::status);
    this.events = new EventStream(watcher::view, timing);
    try {
      this.server = BoundedHttp.start(bind, port, new Dispatch());
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot start the HTTP server: " + e.getMessage(), e);
    }
    this.check = new RequestCheck(bind, BoundedHttp.port(server), token);
    watcher.onPublish(events::published);
  }

  /**
   * Starts serving on {@code bind:port} (port 0 picks a free one); changes need {@code token}.
   * Throws {@link BindException} when the port is taken.
   */
  public static AdminServer start(
      String bind, int port, AdminToken token, Controls watcher, Timing timing) throws IOException {
    AdminServer admin = new AdminServer(bind, port, token, watcher, timing);
    // "serving /healthz ... on host:port": tests and make bench find the port in this line
    log.info(
        "serving /healthz, /metrics, /admin and the status page (/) on {}:{}", bind, admin.port());
    return admin;
  }

  public int port() {
    return BoundedHttp.port(server);
  }

  @Override
  public void close() {
    events.close();
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("stopping the HTTP server: {}", e.toString());
    }
  }

  /** Routes each request after {@link RequestCheck} let it through. */
  private final class Dispatch extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      try {
        serve(request, response, callback);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        send(response, callback, 503, Map.of("error", "interrupted"));
      } catch (RuntimeException | IOException e) {
        log.warn(
            "{} {} failed: {}", request.getMethod(), request.getHttpURI().getPath(), e.toString());
        send(response, callback, 500, Map.of("error", "internal error"));
      }
      return true;
    }
  }

  private void serve(Request request, Response response, Callback callback)
      throws IOException, InterruptedException {
    String path = request.getHttpURI().getPath();
    Route route = Route.of(path).orElse(null);
    SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
    RequestCheck.Verdict verdict =
        check.check(
            route,
            request.getMethod(),
            remote instanceof InetSocketAddress inet && inet.getAddress().isLoopbackAddress(),
            request.getHeaders().get("Host"),
            request.getHeaders().get("Origin"),
            request.getHeaders().get("Authorization"));
    if (verdict != RequestCheck.Verdict.OK) {
      if (verdict.status() == 401 || verdict.status() == 403) {
        log.warn("refused {} {} from {}: {}", request.getMethod(), path, remote, verdict.reason());
      }
      if (verdict == RequestCheck.Verdict.WRONG_METHOD) {
        response.getHeaders().put("Allow", route.method());
        send(response, callback, 405, Map.of("error", "use " + route.method()));
        return;
      }
      send(response, callback, verdict.status(), Map.of("error", verdict.reason()));
      return;
    }
    Map<String, String> query = query(request.getHttpURI().getQuery());
    if (PageAssets.serves(route)) {
      page.serve(route, response, callback);
      return;
    }
    switch (route) {
      case EVENTS -> {
        if (!events.open(request, response, callback)) {
          send(response, callback, 503, Map.of("error", "too many status page clients"));
        }
      }
      case PAGE, PAGE_SCRIPT, PAGE_STYLE -> throw new IllegalStateException("served above");
      case HEALTHZ -> {
        WatcherStatus status = watcher.status();
        // 503 while blind, so Docker's, systemd's and Kubernetes' checks see it
        send(
            response,
            callback,
            status.health().failing() ? 503 : 200,
            HealthDocument.of(status, now()));
      }
      case STATUS -> send(response, callback, 200, HealthDocument.of(watcher.status(), now()));
      case METRICS -> metrics(response, callback);
      case MAINTENANCE -> {
        String on = query.getOrDefault("on", "");
        if (!on.equals("true") && !on.equals("false")) {
          send(response, callback, 400, Map.of("error", "on must be true or false"));
          return;
        }
        answer(response, callback, watcher.maintenance(Boolean.parseBoolean(on)));
      }
      case ACTIVE_POOL -> {
        String pool = query.getOrDefault("pool", "");
        if (!PoolName.isValid(pool)) {
          send(response, callback, 400, Map.of("error", "pool " + PoolName.RULE));
          return;
        }
        answer(response, callback, watcher.activePool(pool));
      }
    }
  }

  /** Waits for a control, or withdraws it, and says honestly which. */
  private void answer(Response response, Callback callback, PendingControl<ControlResult> control)
      throws InterruptedException {
    PendingControl.Outcome<ControlResult> outcome = control.await(Controls.TIMEOUT);
    long seconds = Controls.TIMEOUT.toSeconds();
    switch (outcome.fate()) {
      case APPLIED -> {
        Map<String, Object> body = HealthDocument.of(outcome.value().status(), now());
        body.put("notice", outcome.value().notice().wireName());
        send(response, callback, 200, body);
      }
      case WITHDRAWN ->
          send(
              response,
              callback,
              503,
              Map.of(
                  "error",
                  "not applied: the watcher did not take the change within "
                      + seconds
                      + " s; it was withdrawn, nothing changed"));
      case STILL_APPLYING ->
          send(
              response,
              callback,
              503,
              Map.of(
                  "error",
                  "queued, will apply: the watcher started the change but did not finish it"
                      + " within "
                      + seconds
                      + " s (saving the state?); see watcher ctl status"));
      case FAILED -> {
        log.warn("a control failed: {}", String.valueOf(outcome.error()));
        send(response, callback, 500, Map.of("error", String.valueOf(outcome.error())));
      }
    }
  }

  private void metrics(Response response, Callback callback) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    metrics.write(body);
    response.setStatus(200);
    response.getHeaders().put("Content-Type", metrics.contentType());
    response.write(true, ByteBuffer.wrap(body.toByteArray()), callback);
  }

  private long now() {
    return timing.millis();
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

  private static void send(Response response, Callback callback, int code, Map<String, ?> body) {
    byte[] bytes;
    try {
      bytes = Json.bytes(body);
    } catch (IOException e) {
      callback.failed(e);
      return;
    }
    response.setStatus(code);
    response.getHeaders().put("Content-Type", "application/json");
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
