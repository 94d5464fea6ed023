package dev.bluegreen.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The app both pools run: /version, /healthz and the chaos switches, on the JDK's HTTP server with
 * {@value #WORKERS} worker threads and one timer; hung and slow requests hold no thread.
 */
public final class DemoServer implements AutoCloseable {
  /** How long a request hangs in timeout mode unless chaos stops first; far above Nginx's 1 s. */
  static final long DEFAULT_HANG_MILLIS = 30_000;

  /** Worker threads: every request runs on one, briefly (a held request waits on none). */
  static final int WORKERS = 16;

  /** Requests held at once (timeout and slow modes); more are answered 503 at once. */
  static final int DEFAULT_HELD_CAPACITY = 1_000;

  /** Sends one response and returns its status. */
  private interface Answer {
    int send() throws IOException;
  }

  private final DemoSettings settings;
  private final Chaos chaos = new Chaos();
  private final RequestLog log;
  private final long hangMillis;
  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, named("worker"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(named("timer"));
  private final HeldRequests held;

  private DemoServer(DemoSettings settings, Consumer<String> logOut, long hangMillis, int capacity)
      throws IOException {
    this.settings = settings;
    this.log = new RequestLog(settings, logOut);
    this.hangMillis = hangMillis;
    this.held = new HeldRequests(timer, workers, capacity);
    this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 128);
    server.createContext("/", this::handle);
    server.setExecutor(workers);
  }

  /** Binds and starts serving; port 0 picks a free port (see {@link #port()}). */
  public static DemoServer start(DemoSettings settings, Consumer<String> logOut, long hangMillis)
      throws IOException {
    return start(settings, logOut, hangMillis, DEFAULT_HELD_CAPACITY);
  }

  static DemoServer start(
      DemoSettings settings, Consumer<String> logOut, long hangMillis, int heldCapacity)
      throws IOException {
    DemoServer app = new DemoServer(settings, logOut, hangMillis, heldCapacity);
    app.server.start();
    app.log.event("listening on " + settings.bind() + ":" + app.port());
    return app;
  }

  int heldRequests() {
    return held.size();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) {
    long start = System.nanoTime();
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    Chaos.State state = chaos.state();
    if (path.startsWith("/chaos/")) {
      finish(ex, start, state, () -> chaosControl(ex, method, path));
    } else if (state.mode() == Chaos.Mode.TIMEOUT) {
      hold(ex, start, state, hangMillis, () -> send(ex, 504, "{\"error\":\"chaos timeout\"}"));
    } else if (state.mode() == Chaos.Mode.SLOW) {
      hold(ex, start, state, state.slowMillis(), () -> route(ex, method, path));
    } else if (state.mode() == Chaos.Mode.ERROR) {
      finish(ex, start, state, () -> send(ex, 500, "{\"error\":\"chaos error\"}"));
    } else {
      finish(ex, start, state, () -> route(ex, method, path));
    }
  }

  private void hold(HttpExchange ex, long start, Chaos.State state, long millis, Answer later) {
    if (!held.hold(millis, () -> finish(ex, start, state, later))) {
      finish(ex, start, state, () -> send(ex, 503, "{\"error\":\"too many held requests\"}"));
    }
  }

  // Answers, closes and logs one exchange, on whichever worker runs it.
  private void finish(HttpExchange ex, long start, Chaos.State state, Answer answer) {
    int status;
    try {
      status = answer.send();
    } catch (IOException | RuntimeException e) {
      status = 499; // the client (Nginx, after its read timeout) went away first
    } finally {
      ex.close();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    String requestId = ex.getRequestHeaders().getFirst("X-Request-ID");
    log.request(
        ex.getRequestMethod(),
        ex.getRequestURI().getPath(),
        status,
        millis,
        requestId,
        state.name());
  }

  private int route(HttpExchange ex, String method, String path) throws IOException {
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
      held.releaseAll();
      log.event("chaos stopped");
      return send(ex, 200, "{\"chaos\":\"off\"}");
    }
    if (!path.equals("/chaos/start")) {
      return send(ex, 404, "{\"error\":\"not found\"}");
    }
    ChaosCommand command;
    try {
      command = ChaosCommand.parse(ex.getRequestURI().getRawQuery());
    } catch (ChaosCommand.Refused e) {
      return send(ex, 400, "{\"error\":" + RequestLog.quote(e.getMessage()) + "}");
    }
    chaos.start(command);
    String mode = chaos.state().name();
    boolean slow = command.mode() == Chaos.Mode.SLOW;
    log.event("chaos started: " + mode + (slow ? " " + command.slowMillis() + " ms" : ""));
    return send(
        ex,
        200,
        "{\"chaos\":"
            + RequestLog.quote(mode)
            + (slow ? ",\"ms\":" + command.slowMillis() : "")
            + "}");
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

  private static ThreadFactory named(String role) {
    AtomicInteger n = new AtomicInteger();
    return r -> new Thread(r, "demo-app-" + role + "-" + n.incrementAndGet());
  }

  /** Stops accepting and stops at once; held requests are dropped with their connections. */
  @Override
  public void close() {
    chaos.stop();
    timer.shutdownNow();
    server.stop(0);
    workers.shutdownNow();
  }
}
