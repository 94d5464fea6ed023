package dev.bluegreen.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** The app both pools run: /version, /healthz and the chaos switches, on the JDK's HTTP server. */
public final class DemoServer implements AutoCloseable {
  /** How long a request hangs in timeout mode unless chaos stops first; far above Nginx's 1 s. */
  static final long DEFAULT_HANG_MILLIS = 30_000;

  private final DemoSettings settings;
  private final Chaos chaos = new Chaos();
  private final RequestLog log;
  private final long hangMillis;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  private DemoServer(DemoSettings settings, Consumer<String> logOut, long hangMillis)
      throws IOException {
    this.settings = settings;
    this.log = new RequestLog(settings, logOut);
    this.hangMillis = hangMillis;
    this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 128);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
  }

  /** Binds and starts serving; port 0 picks a free port (see {@link #port()}). */
  public static DemoServer start(DemoSettings settings, Consumer<String> logOut, long hangMillis)
      throws IOException {
    DemoServer app = new DemoServer(settings, logOut, hangMillis);
    app.server.start();
    app.log.event("listening on " + settings.bind() + ":" + app.port());
    return app;
  }

  int hangingRequests() {
    return chaos.hanging();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    String requestId = ex.getRequestHeaders().getFirst("X-Request-ID");
    Chaos.Mode mode = chaos.mode();
    int status;
    try {
      status = route(ex, method, path, mode);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 503;
      send(ex, 503, "{\"error\":\"shutting down\"}");
    } catch (IOException e) {
      status = 499; // the client (Nginx, after its read timeout) went away first
    } finally {
      ex.close();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    log.request(method, path, status, millis, requestId, mode.name().toLowerCase());
  }

  private int route(HttpExchange ex, String method, String path, Chaos.Mode mode)
      throws IOException, InterruptedException {
    if (path.startsWith("/chaos/")) {
      return chaosControl(ex, method, path);
    }
    if (mode == Chaos.Mode.TIMEOUT) {
      chaos.hang(hangMillis);
      return send(ex, 504, "{\"error\":\"chaos timeout\"}");
    }
    if (mode == Chaos.Mode.ERROR) {
      return send(ex, 500, "{\"error\":\"chaos error\"}");
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return send(ex, 405, "{\"error\":\"method not allowed\"}");
    }
    return switch (path) {
      case "/version" ->
          send(
              ex,
              200,
              "{\"pool\":"
                  + RequestLog.quote(settings.pool())
                  + ",\"release\":"
                  + RequestLog.quote(settings.release())
                  + "}");
      case "/healthz" -> send(ex, 200, "{\"status\":\"ok\"}");
      default -> send(ex, 404, "{\"error\":\"not found\"}");
    };
  }

  private int chaosControl(HttpExchange ex, String method, String path) throws IOException {
    if (!method.equals("POST")) {
      return send(ex, 405, "{\"error\":\"use POST\"}");
    }
    if (path.equals("/chaos/stop")) {
      chaos.stop();
      log.event("chaos stopped");
      return send(ex, 200, "{\"chaos\":\"off\"}");
    }
    if (!path.equals("/chaos/start")) {
      return send(ex, 404, "{\"error\":\"not found\"}");
    }
    String query = ex.getRequestURI().getQuery();
    String mode = query == null ? "" : query.replaceFirst("^.*\\bmode=([a-z]*).*$", "$1");
    if (query == null || !query.matches("(.*&)?mode=(error|timeout)(&.*)?")) {
      return send(ex, 400, "{\"error\":\"mode must be error or timeout\"}");
    }
    chaos.start(mode.equals("error") ? Chaos.Mode.ERROR : Chaos.Mode.TIMEOUT);
    log.event("chaos started: " + mode);
    return send(ex, 200, "{\"chaos\":" + RequestLog.quote(mode) + "}");
  }

  private int send(HttpExchange ex, int status, String json) throws IOException {
    byte[] body = (json + "\n").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.getResponseHeaders().set("X-App-Pool", settings.pool());
    ex.getResponseHeaders().set("X-Release-Id", settings.release());
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    return status;
  }

  /** Stops accepting, releases hung requests and stops at once. */
  @Override
  public void close() {
    chaos.stop();
    server.stop(0);
    pool.shutdownNow();
  }
}
