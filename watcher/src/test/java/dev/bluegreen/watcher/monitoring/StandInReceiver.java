package dev.bluegreen.watcher.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.bluegreen.watcher.TestJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A local HTTP server standing in for Slack, a webhook or Alertmanager's receiver: it answers 200
 * {@code ok} to every POST and keeps each body, in order of arrival, with its path.
 */
final class StandInReceiver implements AutoCloseable {
  /** One request as it arrived. */
  record Received(String path, String body) {
    JsonNode json() {
      return TestJson.read(body);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();

  StandInReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
              received.add(new Received(exchange.getRequestURI().getPath(), text));
            }
          }
          byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
    server.start();
  }

  /** The URL of {@code path} on this server. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Everything received so far. */
  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
