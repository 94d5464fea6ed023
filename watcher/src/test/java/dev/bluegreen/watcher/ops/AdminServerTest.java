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
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.notify.LogCapture;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * /healthz, /metrics and the admin controls over real HTTP on loopback: who may change the watcher
 * (the token, no Origin, a local Host), which method, and how often the channel hears of it.
 */
class AdminServerTest {

  private static final AdminToken TOKEN = AdminToken.of("test-token-0123456789abcdef");

  @TempDir Path dir;

  @RegisterExtension final LogCapture logs = new LogCapture();

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
    server = AdminServer.start("127.0.0.1", 0, TOKEN, watcher, Timing.SYSTEM);
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

  /** A change as watcher ctl sends it: POST, Host 127.0.0.1:port, the token. */
  private RawHttp.Answer change(String path) throws IOException {
    return RawHttp.local(
        server.port(), "POST", path, Map.of("Authorization", "Bearer " + TOKEN.reveal()));
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
    WatcherStatus status = TestStatus.of(10, "green", "blue", new long[AlertKind.values().length]);

    java.util.Map<String, Object> health = HealthDocument.of(status, 0);

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
        .contains("watcher_error_rate_threshold_ratio 0.02")
        .contains("watcher_alerts_total{kind=\"latency\"} 1.0")
        .contains("watcher_window_latency_p99_seconds 0.004")
        .contains("watcher_window_latency_p50_seconds 0.004")
        .contains("watcher_latency_threshold_seconds 1.0")
        .contains("watcher_log_rotations_total 0.0");
  }

  @Test
  void maintenanceAndActivePoolChangeTheRunningWatcher() throws Exception {
    RawHttp.Answer on = change("/admin/maintenance?on=true");
    RawHttp.Answer pool = change("/admin/active-pool?pool=green");

    assertThat(on.status()).isEqualTo(200);
    assertThat(TestJson.MAPPER.readTree(on.body()).get("maintenance").asBoolean()).isTrue();
    assertThat(TestJson.MAPPER.readTree(on.body()).get("notice").asText()).isEqualTo("sent");
    assertThat(pool.status()).isEqualTo(200);
    assertThat(TestJson.MAPPER.readTree(pool.body()).get("active_pool").asText())
        .isEqualTo("green");
    assertThat(outlet.notices()).containsExactly("maintenance on", "switch blue -> green");
  }

  @Test
  void aChangeWithoutTheTokenIs401AndTheTryIsLogged() throws Exception {
    RawHttp.Answer none =
        RawHttp.local(server.port(), "POST", "/admin/maintenance?on=true", Map.of());
    RawHttp.Answer wrong =
        RawHttp.local(
            server.port(),
            "POST",
            "/admin/active-pool?pool=green",
            Map.of("Authorization", "Bearer test-token-0123456789abcdeX"));

    assertThat(none.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(watcher.status().maintenance()).isFalse();
    assertThat(watcher.status().primary()).isEqualTo("blue");
    assertThat(outlet.notices()).isEmpty();
    assertThat(logs.text())
        .contains("refused POST /admin/maintenance from /127.0.0.1:")
        .contains("refused POST /admin/active-pool from /127.0.0.1:")
        .doesNotContain("test-token-0123456789abcdeX");
  }

  @Test
  void aChangeWithAnOriginOrAForeignHostIs403EvenWithTheToken() throws Exception {
    String bearer = "Bearer " + TOKEN.reveal();
    RawHttp.Answer origin =
        RawHttp.local(
            server.port(),
            "POST",
            "/admin/maintenance?on=true",
            Map.of("Authorization", bearer, "Origin", "http://evil.example"));
    RawHttp.Answer rebound =
        RawHttp.exchange(
            server.port(),
            "POST",
            "/admin/maintenance?on=true",
            Map.of("Host", "evil.example:" + server.port(), "Authorization", bearer));
    RawHttp.Answer statusRebound =
        RawHttp.exchange(server.port(), "GET", "/admin/status", Map.of("Host", "evil.example"));

    assertThat(origin.status()).isEqualTo(403);
    assertThat(rebound.status()).isEqualTo(403);
    assertThat(statusRebound.status()).isEqualTo(403);
    assertThat(watcher.status().maintenance()).isFalse();
    assertThat(outlet.notices()).isEmpty();
  }

  @Test
  void probesAndScrapersReadHealthAndMetricsUnderAnyHost() throws Exception {
    RawHttp.Answer health =
        RawHttp.exchange(server.port(), "GET", "/healthz", Map.of("Host", "watcher:9180"));
    RawHttp.Answer metrics =
        RawHttp.exchange(server.port(), "GET", "/metrics", Map.of("Host", "10.1.2.3:9180"));
    RawHttp.Answer status = RawHttp.local(server.port(), "GET", "/admin/status", Map.of());

    assertThat(health.status()).isEqualTo(200);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(status.status()).as("ctl status needs no token").isEqualTo(200);
  }

  @Test
  void aWrongMethodIs405WithAllow() throws Exception {
    RawHttp.Answer getChange =
        RawHttp.local(server.port(), "GET", "/admin/maintenance?on=true", Map.of());
    RawHttp.Answer putChange =
        RawHttp.local(
            server.port(),
            "PUT",
            "/admin/active-pool?pool=green",
            Map.of("Authorization", "Bearer " + TOKEN.reveal()));
    RawHttp.Answer postHealth = RawHttp.local(server.port(), "POST", "/healthz", Map.of());
    RawHttp.Answer deleteMetrics = RawHttp.local(server.port(), "DELETE", "/metrics", Map.of());

    assertThat(getChange.status()).isEqualTo(405);
    assertThat(getChange.headers()).containsEntry("allow", "POST");
    assertThat(putChange.status()).isEqualTo(405);
    assertThat(putChange.headers()).containsEntry("allow", "POST");
    assertThat(postHealth.status()).isEqualTo(405);
    assertThat(postHealth.headers()).containsEntry("allow", "GET");
    assertThat(deleteMetrics.status()).isEqualTo(405);
    assertThat(deleteMetrics.headers()).containsEntry("allow", "GET");
    assertThat(outlet.notices()).isEmpty();
  }

  @Test
  void controlsRefuseBadInput() throws Exception {
    assertThat(change("/admin/maintenance?on=maybe").status()).isEqualTo(400);
    assertThat(change("/admin/active-pool?pool=%3C!channel%3E").status()).isEqualTo(400);
    assertThat(change("/admin/reboot").status()).isEqualTo(404);
    assertThat(outlet.notices()).isEmpty();
  }

  @Test
  void rapidTogglesChangeTheStateButTheChannelHearsAtMostOneNoticePerFiveSeconds()
      throws Exception {
    RawHttp.Answer first = change("/admin/maintenance?on=true");
    RawHttp.Answer second = change("/admin/maintenance?on=false");
    RawHttp.Answer third = change("/admin/maintenance?on=true");
    RawHttp.Answer fourth = change("/admin/maintenance?on=false");

    assertThat(TestJson.MAPPER.readTree(first.body()).get("notice").asText()).isEqualTo("sent");
    assertThat(TestJson.MAPPER.readTree(second.body()).get("notice").asText()).isEqualTo("held");
    assertThat(TestJson.MAPPER.readTree(fourth.body()).get("notice").asText()).isEqualTo("held");
    assertThat(TestJson.MAPPER.readTree(third.body()).get("maintenance").asBoolean())
        .as("each toggle applied at once")
        .isTrue();
    assertThat(watcher.status().maintenance()).isFalse();
    assertThat(outlet.notices()).containsExactly("maintenance on");
    assertThat(logs.text()).contains("its notice is held");

    Await.until(
        "the state in force announced once the 5 s are up",
        () -> outlet.notices().size() == 2,
        () -> outlet.notices().toString());
    assertThat(outlet.notices()).containsExactly("maintenance on", "maintenance off");
  }
}
