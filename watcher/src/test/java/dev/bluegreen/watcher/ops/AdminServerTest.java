package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.LiveConfig;
import dev.bluegreen.watcher.LiveWatcher;
import dev.bluegreen.watcher.RecordingOutlet;
import dev.bluegreen.watcher.Settings;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.Watcher;
import dev.bluegreen.watcher.WatcherConfig;
import dev.bluegreen.watcher.source.LogFollower;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /healthz, /metrics and the admin controls over real HTTP on loopback. */
class AdminServerTest {

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final RecordingOutlet outlet = new RecordingOutlet();
  private LiveWatcher watcher;
  private AdminServer server;

  @BeforeEach
  void start() throws IOException, InterruptedException {
    Path log = dir.resolve("access.log");
    Files.copy(Path.of("src/test/resources/replay/failover-and-recovery.log"), log);
    WatcherConfig config = WatcherConfig.load(new Settings(Map.of(), Map.of()));
    LiveConfig live = new LiveConfig(log, LogFollower.Start.BEGINNING, null, "127.0.0.1", 0, false);
    watcher = new Watcher(config, Timing.SYSTEM).follow(live, outlet, Duration.ofMillis(10));
    server = AdminServer.start("127.0.0.1", 0, watcher, Timing.SYSTEM);
    watcher.start();
    Await.until(
        "the story's 400 lines read",
        () -> watcher.status().lines() >= 400,
        () -> watcher.status().lines() + " read");
  }

  @AfterEach
  void stop() {
    server.close();
    watcher.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthzTellsTheLogLinesReadAndTimeSinceTheLastLine() throws Exception {
    HttpResponse<String> response = get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = TestJson.MAPPER.readTree(response.body());
    assertThat(health.get("status").asText()).isEqualTo("ok");
    assertThat(health.get("log").asText()).endsWith("access.log");
    assertThat(health.get("lines").asLong()).isEqualTo(400);
    assertThat(health.get("seconds_since_last_line").asDouble()).isBetween(0.0, 60.0);
    assertThat(health.get("serving_pool").asText()).isEqualTo("blue");
    assertThat(health.get("announced_pool").asText()).isEqualTo("blue");
  }

  @Test
  void healthTellsThePoolTheLogShowsApartFromTheOneAnnounced() {
    WatcherStatus status =
        new WatcherStatus(
            "access.log",
            true,
            false,
            10,
            0,
            new long[dev.bluegreen.watcher.detect.AlertKind.values().length],
            0,
            0,
            0,
            "blue",
            "green",
            "blue",
            false,
            0,
            dev.bluegreen.watcher.health.Health.OK);

    java.util.Map<String, Object> health = AdminServer.health(status, 0);

    assertThat(health)
        .containsEntry("serving_pool", "green")
        .containsEntry("announced_pool", "blue");
  }

  @Test
  void metricsUseThePrometheusTextFormat() throws Exception {
    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body())
        .contains("# TYPE watcher_lines_total counter")
        .contains("watcher_lines_total 400.0")
        .contains("watcher_lines_malformed_total 0.0")
        .contains("watcher_alerts_total{kind=\"failover\"} 1.0")
        .contains("watcher_alerts_total{kind=\"error_rate\"} 1.0")
        .contains("watcher_alert_delivery_failures_total 0.0")
        .contains("watcher_window_error_ratio")
        .contains("watcher_log_rotations_total 0.0");
  }

  @Test
  void maintenanceAndActivePoolChangeTheRunningWatcher() throws Exception {
    HttpResponse<String> on = post("/admin/maintenance?on=true");
    HttpResponse<String> pool = post("/admin/active-pool?pool=green");

    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(TestJson.MAPPER.readTree(on.body()).get("maintenance").asBoolean()).isTrue();
    assertThat(pool.statusCode()).isEqualTo(200);
    assertThat(TestJson.MAPPER.readTree(pool.body()).get("active_pool").asText())
        .isEqualTo("green");
    assertThat(outlet.notices()).containsExactly("maintenance on", "switch blue -> green");
  }

  @Test
  void controlsRefuseBadInputAndTheWrongMethod() throws Exception {
    assertThat(get("/admin/maintenance?on=true").statusCode()).isEqualTo(405);
    assertThat(post("/admin/maintenance?on=maybe").statusCode()).isEqualTo(400);
    assertThat(post("/admin/active-pool?pool=%3C!channel%3E").statusCode()).isEqualTo(400);
    assertThat(post("/admin/reboot").statusCode()).isEqualTo(404);
    assertThat(outlet.notices()).isEmpty();
  }
}
