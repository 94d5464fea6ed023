package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.time.Timing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random clients against the trivial model of HTTP/1.1 on one connection: requests of random shape
 * (GET or POST, a body or none, extra headers, the last one closing), pipelined in random numbers
 * and sent in fragments of random size, are each answered once, in order, with what was asked; then
 * the connection closes. A failure names the seed and every request sent.
 */
class ConnectionModelTest {
  private static final int CONNECTIONS = 40;

  private BoundedHttp server;

  @BeforeEach
  void start() throws IOException {
    server =
        BoundedHttp.start(
            "127.0.0.1",
            0,
            exchange -> {
              Request request = exchange.request();
              String echo = request.method() + " " + request.path() + "?" + request.query();
              exchange.respond(
                  Response.of(200, "text/plain", echo.getBytes(StandardCharsets.US_ASCII)));
            },
            Timing.SYSTEM);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pipelinedRequestsInRandomFragmentsAreAnsweredInOrder() throws Exception {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int c = 0; c < CONNECTIONS; c++) {
      List<String> sent = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int requests = 1 + random.nextInt(6);
      for (int r = 0; r < requests; r++) {
        String request = request(random, c, r, r == requests - 1);
        sent.add(request);
        bytes.writeBytes(request.getBytes(StandardCharsets.US_ASCII));
        expected.add(request.substring(0, request.indexOf(" HTTP/1.1")));
      }
      String history = "seed " + seed + ", connection " + c + ", sent " + sent;
      assertThat(exchange(bytes.toByteArray(), random, requests)).as(history).isEqualTo(expected);
    }
  }

  /** One request; the last of a connection asks to close it. */
  private static String request(Random random, int connection, int index, boolean last) {
    boolean post = random.nextBoolean();
    StringBuilder text = new StringBuilder();
    text.append(post ? "POST" : "GET").append(" /c").append(connection).append("/r").append(index);
    text.append("?q=").append(random.nextInt(1000)).append(" HTTP/1.1\r\nHost: a\r\n");
    for (int h = random.nextInt(4); h > 0; h--) {
      text.append("X-Pad-")
          .append(h)
          .append(": ")
          .append("p".repeat(random.nextInt(300)))
          .append("\r\n");
    }
    if (last) {
      text.append("Connection: close\r\n");
    }
    String body = post ? "b".repeat(random.nextInt(200)) : "";
    if (post) {
      text.append("Content-Length: ").append(body.length()).append("\r\n");
    }
    return text.append("\r\n").append(body).toString();
  }

  /** Sends {@code bytes} in random fragments; the echoed first lines, then checks the close. */
  private List<String> exchange(byte[] bytes, Random random, int answers) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout((int) Await.LIMIT.toMillis());
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      for (int at = 0; at < bytes.length; ) {
        int size = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 8 : 400));
        out.write(bytes, at, size);
        out.flush();
        at += size;
      }
      InputStream in = socket.getInputStream();
      List<String> echoed = new ArrayList<>();
      for (int i = 0; i < answers; i++) {
        echoed.add(body(in));
      }
      assertThat(in.read()).as("closed after the last answer").isEqualTo(-1);
      return echoed;
    }
  }

  private static String body(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after: " + head);
      }
      head.append((char) b);
    }
    assertThat(head.toString()).startsWith("HTTP/1.1 200 OK\r\n");
    int at = head.indexOf("Content-Length: ") + "Content-Length: ".length();
    int length = Integer.parseInt(head.substring(at, head.indexOf("\r\n", at)));
    return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
  }
}
