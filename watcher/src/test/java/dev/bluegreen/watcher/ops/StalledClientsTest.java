package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow clients cannot freeze the HTTP port: with 50 connections holding unfinished requests (real
 * sockets, partial headers or a partial body), /healthz still answers within 100 ms, and the
 * stalled connections are closed once silent for {@link BoundedHttp#READ_TIMEOUT}. Before, two such
 * connections froze /healthz and watcher ctl until they left.
 */
class StalledClientsTest {
  private static final int STALLED = 50;
  private static final long TARGET_MILLIS = 100;

  private final List<Socket> stalled = new ArrayList<>();
  private AdminServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        AdminServer.start(
            "127.0.0.1", 0, AdminToken.generate(), new StuckControls(), Timing.SYSTEM);
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : stalled) {
      socket.close();
    }
    server.close();
  }

  @Test
  void fiftyStalledConnectionsDoNotDelayHealthz() throws Exception {
    for (int i = 0; i < 5; i++) {
      healthzMillis(); // warm up: the first requests load classes
    }
    for (int i = 0; i < STALLED; i++) {
      stalled.add(i % 5 == 0 ? partialBody() : partialHeaders());
    }

    // The first answer also waits for the server to take in the 50 new connections.
    long first = healthzMillis();
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      millis.add(healthzMillis());
    }

    System.out.printf(
        "StalledClientsTest: /healthz with %d stalled connections: first %d ms, then ms: %s%n",
        STALLED, first, millis);
    assertThat(first).as("the first answer, within 1 s").isLessThan(1_000);
    assertThat(millis).as("every answer within 1 s").allMatch(ms -> ms < 1_000);
    assertThat(millis.stream().filter(ms -> ms < TARGET_MILLIS).count())
        .as("answers within %d ms of %s (a loaded machine may pause one)", TARGET_MILLIS, millis)
        .isGreaterThanOrEqualTo(18);
  }

  @Test
  void aStalledConnectionIsClosedOnceSilentForTheReadTimeout() throws Exception {
    Socket socket = partialHeaders();
    stalled.add(socket);
    long start = System.nanoTime();
    socket.setSoTimeout((int) Await.LIMIT.toMillis());

    int read = readOrReset(socket.getInputStream());

    long seconds = (System.nanoTime() - start) / 1_000_000_000;
    assertThat(read).as("closed by the server").isEqualTo(-1);
    assertThat(seconds).isBetween(BoundedHttp.READ_TIMEOUT.toSeconds() - 1, 15L);
  }

  private int readOrReset(InputStream in) throws IOException {
    try {
      int b;
      do {
        b = in.read(); // a 408 may come first; then the end
      } while (b != -1);
      return b;
    } catch (SocketException reset) {
      return -1;
    }
  }

  private long healthzMillis() throws IOException {
    long start = System.nanoTime();
    RawHttp.Answer answer =
        RawHttp.exchange(server.port(), "GET", "/healthz", Map.of("Host", "127.0.0.1"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(answer.status()).isEqualTo(200);
    return millis;
  }

  private Socket partialHeaders() throws IOException {
    return send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
  }

  private Socket partialBody() throws IOException {
    return send(
        "POST /admin/maintenance?on=true HTTP/1.1\r\nHost: 127.0.0.1:"
            + server.port()
            + "\r\nContent-Length: 100\r\n\r\nten bytes.");
  }

  private Socket send(String text) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }
}
