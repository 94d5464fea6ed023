package dev.bluegreen.watcher.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bluegreen.watcher.detect.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks against real local servers: one up, one answering 503, one refusing, one hanging. */
class HttpProbeTest {
  private static final Duration CONNECT = Duration.ofMillis(500);
  private static final Duration READ = Duration.ofMillis(700);

  private HttpServer server;
  private ServerSocket hanging; // accepts connections (the kernel does) and never answers
  private final HttpProbe probe = new HttpProbe(CONNECT, READ);

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/healthz", exchange -> answer(exchange, 200));
    server.createContext("/broken", exchange -> answer(exchange, 503));
    server.createContext("/moved", exchange -> answer(exchange, 302));
    server.start();
    hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status)
      throws IOException {
    byte[] body = ("status " + status).getBytes();
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @AfterEach
  void stop() throws IOException {
    server.stop(0);
    hanging.close();
  }

  private ProbeTarget at(String path) {
    return new ProbeTarget(
        "green", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
  }

  @Test
  void a2xxAnswerIsUp() {
    assertThat(probe.check(at("/healthz"))).isEqualTo(ProbeResult.up("green"));
  }

  @Test
  void anyOtherStatusIsDownWithTheStatus() {
    assertThat(probe.check(at("/broken"))).isEqualTo(ProbeResult.down("green", "HTTP 503"));
    assertThat(probe.check(at("/moved"))).isEqualTo(ProbeResult.down("green", "HTTP 302"));
    assertThat(probe.check(at("/missing"))).isEqualTo(ProbeResult.down("green", "HTTP 404"));
  }

  @Test
  void aRefusedConnectionIsDown() throws IOException {
    int closed;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = free.getLocalPort();
    }
    ProbeTarget target = new ProbeTarget("green", URI.create("http://127.0.0.1:" + closed + "/"));

    assertThat(probe.check(target)).isEqualTo(ProbeResult.down("green", "connect refused"));
  }

  @Test
  void aServerThatNeverAnswersIsDownWithinTheTimeouts() {
    ProbeTarget target =
        new ProbeTarget(
            "green", URI.create("http://127.0.0.1:" + hanging.getLocalPort() + "/healthz"));

    long start = System.nanoTime();
    ProbeResult result = probe.check(target);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result).isEqualTo(ProbeResult.down("green", "no answer within 700 ms"));
    assertThat(took).isGreaterThanOrEqualTo(READ).isLessThan(CONNECT.plus(READ).plusSeconds(1));
  }
}
