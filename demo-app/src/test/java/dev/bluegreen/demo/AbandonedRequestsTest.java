package dev.bluegreen.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests a client gave up on in timeout mode (Nginx after its 1 s read timeout), over real
 * sockets: they hold no thread, their number is bounded, and the app keeps answering.
 */
class AbandonedRequestsTest {
  private static final int ABANDONED = 1_000;

  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private DemoServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void abandoned_timeout_requests_leave_the_thread_count_bounded_and_the_app_answering()
      throws Exception {
    server = start(DemoServer.DEFAULT_HELD_CAPACITY);
    assertThat(exchange("POST /chaos/start?mode=timeout")).startsWith("HTTP/1.1 200");
    int threadsBefore = Thread.activeCount();

    for (int i = 0; i < ABANDONED; i++) {
      abandon("GET /version");
    }
    await("all " + ABANDONED + " requests held", () -> server.heldRequests(), ABANDONED);

    // Before the fix each held request took a thread of its own: 1,000 made 1,022 threads.
    assertThat(Thread.activeCount() - threadsBefore)
        .as("threads added while %d abandoned requests are held", ABANDONED)
        .isLessThanOrEqualTo(DemoServer.WORKERS + 1);
    long begin = System.nanoTime();
    assertThat(exchange("POST /chaos/stop")).startsWith("HTTP/1.1 200");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin)).isLessThan(2_000);
    assertThat(exchange("GET /healthz")).startsWith("HTTP/1.1 200");
    await("the held requests answered", () -> server.heldRequests(), 0);
  }

  @Test
  void beyond_the_held_capacity_a_request_is_answered_503_at_once() throws Exception {
    server = start(20);
    exchange("POST /chaos/start?mode=timeout");
    for (int i = 0; i < 20; i++) {
      abandon("GET /version");
    }
    await("20 requests held", () -> server.heldRequests(), 20);

    assertThat(exchange("GET /version")).startsWith("HTTP/1.1 503").contains("too many held");
    assertThat(server.heldRequests()).isEqualTo(20);
    exchange("POST /chaos/stop");
    assertThat(exchange("GET /version")).startsWith("HTTP/1.1 200");
  }

  private DemoServer start(int capacity) throws IOException {
    return DemoServer.start(
        new DemoSettings("blue", "blue-1", 0, "127.0.0.1"), logLines::add, 20_000, capacity);
  }

  // Sends a request and closes the socket without reading, as Nginx does after its timeout.
  private void abandon(String requestLine) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(head(requestLine));
      out.flush();
    }
  }

  // One request on a fresh connection; the whole response as text (the server closes it).
  private String exchange(String requestLine) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write(head(requestLine));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] head(String requestLine) {
    return (requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static void await(String what, IntSupplier value, int expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (value.getAsInt() != expected) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for " + what + ": " + value.getAsInt() + " of " + expected);
      }
      Thread.sleep(5);
    }
  }
}
