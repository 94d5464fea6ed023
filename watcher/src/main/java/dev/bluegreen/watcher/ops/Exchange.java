package dev.bluegreen.watcher.ops;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's answer, given once from its handler thread: a whole {@link Response}, or the head
 * of an event stream that other threads then write to. Neither blocks: the bytes go to the
 * connection's selector thread.
 */
final class Exchange {
  private static final byte[] NO_BODY = new byte[0];

  private final Connection connection;
  private final Request request;
  private final InetSocketAddress remote;
  private final AtomicBoolean answered = new AtomicBoolean();

  Exchange(Connection connection, Request request, InetSocketAddress remote) {
    this.connection = connection;
    this.request = request;
    this.remote = remote;
  }

  Request request() {
    return request;
  }

  /** The client's address. */
  InetSocketAddress remote() {
    return remote;
  }

  boolean answered() {
    return answered.get();
  }

  /**
   * Sends {@code response} (headers only for HEAD), then the connection serves the next request.
   */
  void respond(Response response) {
    claim();
    String connectionField = connectionField(request);
    byte[] head = head(response, connectionField, connection.millis());
    byte[] body = request.head() ? NO_BODY : response.body();
    connection.post(() -> connection.send(head, body, "close".equals(connectionField)));
  }

  /**
   * Sends the head of a stream of {@code status} with {@code fields} (chunked; for HTTP/1.0 the
   * body ends when the connection closes) and returns the stream; the connection closes once silent
   * for {@code idle}.
   */
  ResponseStream stream(int status, Map<String, String> fields, Duration idle) {
    claim();
    boolean chunked = request.version().equals(Request.HTTP_1_1);
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put(chunked ? "Transfer-Encoding" : "Connection", chunked ? "chunked" : "close");
    byte[] head = ResponseHead.of(status, all, connection.millis());
    ResponseStream stream = new ResponseStream(connection, chunked);
    connection.post(() -> connection.startStream(head, stream, idle.toNanos()));
    return stream;
  }

  private void claim() {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("a request is answered once");
    }
  }

  /**
   * The {@code Connection} field of the answer to {@code request} (null: a refused request): close
   * when the connection ends after it, keep-alive for an HTTP/1.0 client that asked to keep it,
   * none otherwise (HTTP/1.1 keeps it by default).
   */
  static String connectionField(Request request) {
    if (request == null || !request.keepAlive()) {
      return "close";
    }
    return request.version().equals(Request.HTTP_1_0) ? "keep-alive" : null;
  }

  /** The head of a whole answer: its fields, Content-Length, then Connection unless null. */
  static byte[] head(Response response, String connectionField, long nowMillis) {
    Map<String, String> fields = new LinkedHashMap<>(response.headers());
    fields.put("Content-Length", Integer.toString(response.body().length));
    if (connectionField != null) {
      fields.put("Connection", connectionField);
    }
    return ResponseHead.of(response.status(), fields, nowMillis);
  }
}
