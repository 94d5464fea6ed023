package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.detect.PoolName;
import dev.bluegreen.watcher.json.Json;
import dev.bluegreen.watcher.time.Timing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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

  private final BoundedHttp server;
  private final Controls watcher;
  private Metrics metrics; // built at the first scrape (metrics()): see there
  private final Timing timing;
  private final RequestCheck check;
  private final EventStream events;
  private final PageAssets page = new PageAssets();

  private AdminServer(String bind, int port, AdminToken token, Controls watcher, Timing timing)
      throws IOException {
    this.watcher = watcher;
    this.timing = timing;
    this.events = new EventStream(watcher::view, timing);
    this.server = BoundedHttp.start(bind, port, this::dispatch, timing);
    this.check = new RequestCheck(bind, server.port(), token);
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
    return server.port();
  }

  @Override
  public void close() {
    events.close();
    server.close();
  }

  /** Routes each request after {@link RequestCheck} let it through. */
  private void dispatch(Exchange exchange) {
    Request request = exchange.request();
    try {
      serve(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(exchange, 503, Map.of("error", "interrupted"));
    } catch (RuntimeException | IOException e) {
      log.warn("{} {} failed: {}", request.method(), request.path(), e.toString());
      if (!exchange.answered()) {
        send(exchange, 500, Map.of("error", "internal error"));
      }
    }
  }

  private void serve(Exchange exchange) throws IOException, InterruptedException {
    Request request = exchange.request();
    String path = request.path();
    Route route = Route.of(path).orElse(null);
    InetSocketAddress remote = exchange.remote();
    RequestCheck.Verdict verdict =
        check.check(
            route,
            request.method(),
            remote.getAddress() != null && remote.getAddress().isLoopbackAddress(),
            request.header("host"),
            request.header("origin"),
            request.header("authorization"));
    if (verdict != RequestCheck.Verdict.OK) {
      if (verdict.status() == 401 || verdict.status() == 403) {
        log.warn("refused {} {} from {}: {}", request.method(), path, remote, verdict.reason());
      }
      if (verdict == RequestCheck.Verdict.WRONG_METHOD) {
        send(
            exchange,
            405,
            Map.of("error", "use " + route.method()),
            Map.of("Allow", route.method()));
        return;
      }
      send(exchange, verdict.status(), Map.of("error", verdict.reason()));
      return;
    }
    Map<String, String> query = query(request.query());
    if (PageAssets.serves(route)) {
      exchange.respond(page.serve(route));
      return;
    }
    switch (route) {
      case EVENTS -> {
        if (!events.open(exchange)) {
          send(exchange, 503, Map.of("error", "too many status page clients"));
        }
      }
      case PAGE, PAGE_SCRIPT, PAGE_STYLE -> throw new IllegalStateException("served above");
      case HEALTHZ -> {
        WatcherStatus status = watcher.status();
        // 503 while blind, so Docker's, systemd's and Kubernetes' checks see it
        send(exchange, status.health().failing() ? 503 : 200, HealthDocument.of(status, now()));
      }
      case STATUS -> send(exchange, 200, HealthDocument.of(watcher.status(), now()));
      case METRICS -> metrics(exchange);
      case MAINTENANCE -> {
        String on = query.getOrDefault("on", "");
        if (!on.equals("true") && !on.equals("false")) {
          send(exchange, 400, Map.of("error", "on must be true or false"));
          return;
        }
        answer(exchange, watcher.maintenance(Boolean.parseBoolean(on)));
      }
      case ACTIVE_POOL -> {
        String pool = query.getOrDefault("pool", "");
        if (!PoolName.isValid(pool)) {
          send(exchange, 400, Map.of("error", "pool " + PoolName.RULE));
          return;
        }
        answer(exchange, watcher.activePool(pool));
      }
    }
  }

  /** Waits for a control, or withdraws it, and says honestly which. */
  private void answer(Exchange exchange, PendingControl<ControlResult> control)
      throws InterruptedException {
    PendingControl.Outcome<ControlResult> outcome = control.await(Controls.TIMEOUT);
    long seconds = Controls.TIMEOUT.toSeconds();
    switch (outcome.fate()) {
      case APPLIED -> {
        Map<String, Object> body = HealthDocument.of(outcome.value().status(), now());
        body.put("notice", outcome.value().notice().wireName());
        send(exchange, 200, body);
      }
      case WITHDRAWN ->
          send(
              exchange,
              503,
              Map.of(
                  "error",
                  "not applied: the watcher did not take the change within "
                      + seconds
                      + " s; it was withdrawn, nothing changed"));
      case STILL_APPLYING ->
          send(
              exchange,
              503,
              Map.of(
                  "error",
                  "queued, will apply: the watcher started the change but did not finish it"
                      + " within "
                      + seconds
                      + " s (saving the state?); see watcher ctl status"));
      case FAILED -> {
        log.warn("a control failed: {}", String.valueOf(outcome.error()));
        send(exchange, 500, Map.of("error", String.valueOf(outcome.error())));
      }
    }
  }

  private void metrics(Exchange exchange) throws IOException {
    Metrics metrics = metrics();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    metrics.write(body);
    exchange.respond(Response.of(200, metrics.contentType(), body.toByteArray()));
  }

  /**
   * The metrics, built at the first scrape: the Prometheus client's classes and registry took
   * 0.3-0.8 MB of an idle watcher's memory whether anything scraped it or not; the first scrape
   * takes 56 ms instead of 22 (the next ones 6 ms).
   */
  private synchronized Metrics metrics() {
    if (metrics == null) {
      metrics = new Metrics(watcher::status);
    }
    return metrics;
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

  private static void send(Exchange exchange, int code, Map<String, ?> body) {
    send(exchange, code, body, Map.of());
  }

  /** Answers {@code body} as JSON, after the header {@code fields}. */
  private static void send(
      Exchange exchange, int code, Map<String, ?> body, Map<String, String> fields) {
    byte[] bytes;
    try {
      bytes = Json.bytes(body);
    } catch (IOException e) {
      exchange.respond(Response.error(500, "internal error"));
      return;
    }
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("Content-Type", "application/json");
    exchange.respond(new Response(code, all, bytes));
  }
}
