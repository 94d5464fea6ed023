package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.time.Timing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server over real sockets, as clients use it: keep-alive, pipelining, HEAD, 100-continue,
 * refusals that close, a handler that fails, an event stream, and the connection cap.
 */
class BoundedHttpTest {
  private final List<Socket> sockets = new ArrayList<>();
  private final AtomicReference<Throwable> streamClosed = new AtomicReference<>();
  private BoundedHttp server;

  /** Answers the path as text; /fail throws; /stream opens a stream and writes "hello". */
  private void start() throws IOException {
    server =
        BoundedHttp.start(
            "127.0.0.1",
            0,
            exchange -> {
              String path = exchange.request().path();
              if (path.equals("/fail")) {
                throw new IllegalStateException("a handler bug");
              }
              if (path.equals("/stream")) {
                ResponseStream stream =
                    exchange.stream(
                        200, Map.of("Content-Type", "text/plain"), Duration.ofMinutes(1));
                stream.onClose(streamClosed::set);
                stream.write(ByteBuffer.wrap(ascii("hello")), new Ignored());
                return;
              }
              exchange.respond(Response.of(200, "text/plain", ascii("path " + path)));
            },
            Timing.SYSTEM);
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    server.close();
  }

  @Test
  void keepAliveAndPipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
    start();
    Socket socket = open();
    send(socket, "GET /one HTTP/1.1\r\nHost: a\r\n\r\n");
    Answer one = read(socket);
    send(socket, "GET /two HTTP/1.1\r\nHost: a\r\n\r\nGET /three HTTP/1.1\r\nHost: a\r\n\r\n");
    Answer two = read(socket);
    Answer three = read(socket);

    assertThat(List.of(one.body, two.body, three.body))
        .containsExactly("path /one", "path /two", "path /three");
    assertThat(one.headers).containsKey("date").doesNotContainKeys("server", "connection");
    assertThat(one.headers).containsEntry("content-length", "9");
  }

  @Test
  void aRequestArrivingByteByByteIsAnswered() throws Exception {
    start();
    Socket socket = open();
    for (byte b : ascii("GET /slow HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")) {
      socket.getOutputStream().write(b);
      socket.getOutputStream().flush();
    }
    Answer answer = read(socket);

    assertThat(answer.body).isEqualTo("path /slow");
    assertThat(answer.headers).containsEntry("connection", "close");
    assertThat(socket.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
  }

  @Test
  void headIsAnsweredWithTheLengthButNoBody() throws Exception {
    start();
    Socket socket = open();
    send(socket, "HEAD /x HTTP/1.1\r\nHost: a\r\n\r\nGET /after HTTP/1.1\r\nHost: a\r\n\r\n");
    Answer head = readHead(socket.getInputStream());
    Answer after = read(socket);

    assertThat(head.headers).containsEntry("content-length", "7");
    assertThat(after.status).as("no body came between").isEqualTo(200);
    assertThat(after.body).isEqualTo("path /after");
  }

  @Test
  void aClientExpecting100ContinueGetsItThenTheAnswer() throws Exception {
    start();
    Socket socket = open();
    send(
        socket, "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
    Answer interim = readHead(socket.getInputStream());
    send(socket, "abc");

    assertThat(interim.status).isEqualTo(100);
    assertThat(read(socket).body).isEqualTo("path /p");
  }

  @Test
  void aRefusedRequestIsAnsweredAndTheConnectionClosed() throws Exception {
    start();
    Socket socket = open();
    send(socket, "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n");
    Answer answer = read(socket);

    assertThat(answer.status).isEqualTo(431);
    assertThat(answer.headers).containsEntry("content-type", "application/json");
    assertThat(answer.body).contains("\"error\":\"the request line and headers are at most");
    assertThat(socket.getInputStream().read()).isEqualTo(-1);
  }

  @Test
  void aHandlerThatFailsGives500AndTheConnectionServesOn() throws Exception {
    start();
    Socket socket = open();
    send(socket, "GET /fail HTTP/1.1\r\nHost: a\r\n\r\nGET /ok HTTP/1.1\r\nHost: a\r\n\r\n");

    assertThat(read(socket).status).isEqualTo(500);
    assertThat(read(socket).body).isEqualTo("path /ok");
  }

  @Test
  void aStreamIsWrittenInChunksAndToldWhenTheClientLeaves() throws Exception {
    start();
    Socket socket = open();
    send(socket, "GET /stream HTTP/1.1\r\nHost: a\r\n\r\n");
    Answer head = readHead(socket.getInputStream());
    byte[] chunk = socket.getInputStream().readNBytes("5\r\nhello\r\n".length());

    assertThat(head.headers).containsEntry("transfer-encoding", "chunked");
    assertThat(new String(chunk, StandardCharsets.US_ASCII)).isEqualTo("5\r\nhello\r\n");
    assertThat(streamClosed.get()).isNull();
    socket.close();
    Await.until("the stream told the client left", () -> streamClosed.get() != null);
  }

  @Test
  void atTheCapSilentConnectionsAreClosedWithinTheShortTimeoutToMakeRoom() throws Exception {
    start();
    for (int i = 0; i < BoundedHttp.MAX_CONNECTIONS; i++) {
      open();
    }
    Socket late = open(); // waits in the kernel's backlog
    long start = System.nanoTime();
    send(late, "GET /late HTTP/1.1\r\nHost: a\r\n\r\n");
    Answer answer = read(late);
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.printf("BoundedHttpTest: answered at the cap after %d ms%n", millis);
    assertThat(answer.body).isEqualTo("path /late");
    assertThat(millis)
        .as(
            "room made after %s of silence, not %s",
            BoundedHttp.READ_TIMEOUT_WHEN_FULL, BoundedHttp.READ_TIMEOUT)
        .isLessThan(BoundedHttp.READ_TIMEOUT.toMillis() - 1000);
  }

  /** A status, the headers by lower-case name, the body (by Content-Length). */
  private record Answer(int status, Map<String, String> headers, String body) {}

  private Socket open() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout((int) Await.LIMIT.toMillis());
    sockets.add(socket);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(ascii(text));
    socket.getOutputStream().flush();
  }

  private static Answer read(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    Answer head = readHead(in);
    int length = Integer.parseInt(head.headers.getOrDefault("content-length", "0"));
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return new Answer(head.status, head.headers, body);
  }

  /** Reads up to the blank line ending a head; the body stays in the stream. */
  private static Answer readHead(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (!bytes.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after: " + bytes.toString(StandardCharsets.US_ASCII));
      }
      bytes.write(b);
    }
    String[] lines = bytes.toString(StandardCharsets.US_ASCII).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, "");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** A write whose outcome the test reads elsewhere. */
  private static final class Ignored implements Written {
    @Override
    public void succeeded() {}

    @Override
    public void failed(Throwable why) {}
  }
}
