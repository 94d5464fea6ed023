package dev.bluegreen.watcher.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.TestJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Alertmanager (Debian's {@code prometheus-alertmanager}) on a free loopback port, alone
 * (no cluster), with the example's grouping and short waits so a test takes seconds: every
 * notification goes to one webhook receiver.
 */
final class RealAlertmanager implements AutoCloseable {
  /** The example's grouping (alertmanager.yml), with waits of seconds instead of minutes. */
  private static final String CONFIG =
      """
      route:
        receiver: stand-in
        group_by: [alertname, pool]
        group_wait: 2s
        group_interval: 1s
        repeat_interval: 1h
      receivers:
        - name: stand-in
          webhook_configs:
            - url: %s
              send_resolved: true
      """;

  private final Process process;
  private final Path log;
  private final String url;
  private final HttpClient http = HttpClient.newHttpClient();

  private RealAlertmanager(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  /** Starts it in {@code dir}, notifying {@code receiverUrl}, and waits until it is ready. */
  static RealAlertmanager start(Path dir, String receiverUrl) throws IOException {
    Tool alertmanager = Tool.alertmanager();
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, CONFIG.formatted(receiverUrl));
    String address = "127.0.0.1:" + freePort();
    Path log = dir.resolve("alertmanager.log");
    Process process =
        alertmanager.start(
            log,
            "--config.file=" + config,
            "--storage.path=" + dir.resolve("alertmanager-data"),
            "--web.listen-address=" + address,
            "--cluster.listen-address=", // alone: no gossip port
            "--log.level=debug");
    RealAlertmanager started = new RealAlertmanager(process, log, "http://" + address);
    Await.until("Alertmanager to be ready", () -> started.ready(), started::said);
    return started;
  }

  String url() {
    return url;
  }

  /** The alerts it holds now (firing, silenced or inhibited), as its v2 API lists them. */
  List<JsonNode> alerts() {
    List<JsonNode> alerts = new ArrayList<>();
    get("/api/v2/alerts").forEach(alerts::add);
    return alerts;
  }

  /** Adds a silence with amtool, as an operator would; returns its id. */
  String silence(String comment, String... matchers) throws Exception {
    List<String> args = new ArrayList<>(List.of("--alertmanager.url=" + url, "silence", "add"));
    args.addAll(List.of("--author=test", "--comment=" + comment, "--duration=1h"));
    args.addAll(List.of(matchers));
    return Tool.amtool().run(Path.of("."), args.toArray(String[]::new)).ok().strip();
  }

  /** Expires a silence with amtool: what it muted notifies at the group's next interval. */
  void expire(String silence) throws Exception {
    Tool.amtool().run(Path.of("."), "--alertmanager.url=" + url, "silence", "expire", silence).ok();
  }

  /** What it logged, for failure messages. */
  String said() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new AssertionError("Alertmanager exited " + process.exitValue() + ":\n" + said());
    }
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private JsonNode get(String path) {
    try {
      return TestJson.read(
          http.send(
                  HttpRequest.newBuilder(URI.create(url + path)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + ": " + e + "\n" + said(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A port free now; Alertmanager cannot be asked to pick one and say which. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
