package dev.bluegreen.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Docker engine API at {@code DOCKER_HOST} (Docker, or Podman's Docker API): what a compose
 * project left behind, and the host's address on its network.
 */
final class DockerEngine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String host;

  private DockerEngine(String host) {
    this.host = host;
  }

  /** {@code DOCKER_HOST} as the docker CLI reads it: unix:///path or tcp://host:port. */
  static DockerEngine fromEnvironment() {
    String host = System.getenv("DOCKER_HOST");
    return new DockerEngine(
        host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host.strip());
  }

  /** Names of the project's containers, running or not. */
  List<String> containers(String project) throws IOException, InterruptedException {
    List<String> names = new ArrayList<>();
    for (JsonNode c : get("/containers/json?all=1&filters=" + byProject(project))) {
      names.add(c.path("Names").path(0).asText());
    }
    return names;
  }

  List<String> volumes(String project) throws IOException, InterruptedException {
    return names(get("/volumes?filters=" + byProject(project)).path("Volumes"));
  }

  List<String> networks(String project) throws IOException, InterruptedException {
    return names(get("/networks?filters=" + byProject(project)));
  }

  /** The gateway of the project's network: this machine, as its containers reach it. */
  String gateway(String project) throws IOException, InterruptedException {
    for (JsonNode network : get("/networks?filters=" + byProject(project))) {
      for (JsonNode config : network.path("IPAM").path("Config")) {
        if (config.hasNonNull("Gateway")) {
          return config.get("Gateway").asText();
        }
      }
    }
    throw new AssertionError("no network of project " + project + " has a gateway");
  }

  private static String byProject(String project) {
    String filter = "{\"label\":[\"com.docker.compose.project=" + project + "\"]}";
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  private static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.forEach(item -> names.add(item.path("Name").asText()));
    return names;
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    String body;
    if (host.startsWith("unix://")) {
      body = overUnixSocket(Path.of(host.substring("unix://".length())), path);
    } else {
      URI uri = URI.create(host.replaceFirst("^tcp://", "http://") + path);
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
      }
      body = r.body();
    }
    return JSON.readTree(body);
  }

  /** HTTP/1.0 over the socket: the engine answers and closes, no chunking, no keep-alive. */
  private static String overUnixSocket(Path socket, String path) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      String request = "GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n";
      channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      ByteBuffer buffer = ByteBuffer.allocate(8192);
      while (channel.read(buffer) >= 0) {
        answer.write(buffer.array(), 0, buffer.position());
        buffer.clear();
      }
      String text = answer.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String status = text.substring(0, Math.max(text.indexOf("\r\n"), 0));
      if (split < 0 || !status.matches("HTTP/1\\.[01] 200.*")) {
        throw new IOException("GET " + path + " on " + socket + ": " + text);
      }
      return text.substring(split + 4);
    }
  }
}
