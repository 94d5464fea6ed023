package dev.bluegreen.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoServerTest {
  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private DemoServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        DemoServer.start(
            new DemoSettings("green", "green-7", 0, "127.0.0.1"), logLines::add, 5_000);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void version_answers_pool_and_release_in_headers_and_json() throws Exception {
    HttpResponse<String> r = get("/version", Duration.ofSeconds(2));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-App-Pool")).hasValue("green");
    assertThat(r.headers().firstValue("X-Release-Id")).hasValue("green-7");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.body().strip()).isEqualTo("{\"pool\":\"green\",\"release\":\"green-7\"}");
  }

  @Test
  void healthz_is_ok() throws Exception {
    HttpResponse<String> r = get("/healthz", Duration.ofSeconds(2));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"ok\"");
  }

  @Test
  void chaos_error_answers_500_until_stopped() throws Exception {
    assertThat(post("/chaos/start?mode=error").statusCode()).isEqualTo(200);

    HttpResponse<String> failing = get("/version", Duration.ofSeconds(2));
    assertThat(failing.statusCode()).isEqualTo(500);
    assertThat(failing.headers().firstValue("X-App-Pool")).hasValue("green");
    assertThat(get("/healthz", Duration.ofSeconds(2)).statusCode()).isEqualTo(500);

    assertThat(post("/chaos/stop").statusCode()).isEqualTo(200);
    assertThat(get("/version", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
  }

  @Test
  void chaos_timeout_hangs_requests_and_stop_releases_them() throws Exception {
    post("/chaos/start?mode=timeout");

    assertThatThrownBy(() -> get("/version", Duration.ofMillis(500)))
        .isInstanceOf(HttpTimeoutException.class);

    // The timed-out request above still hangs on the server: the client gave up, not the app.
    int before = server.hangingRequests();
    CompletableFuture<HttpResponse<String>> hung =
        client.sendAsync(request("/version", Duration.ofSeconds(4)).GET().build(), body());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (server.hangingRequests() <= before && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(server.hangingRequests()).isEqualTo(before + 1);
    assertThat(hung).isNotDone();
    post("/chaos/stop");
    // Released by the stop, long before the app's own 5 s hang limit.
    assertThat(hung.get(3, TimeUnit.SECONDS).statusCode()).isEqualTo(504);
    assertThat(get("/version", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
  }

  @Test
  void chaos_endpoints_need_post_and_a_known_mode() throws Exception {
    assertThat(get("/chaos/start?mode=error", Duration.ofSeconds(2)).statusCode()).isEqualTo(405);
    assertThat(post("/chaos/start?mode=slow").statusCode()).isEqualTo(400);
    assertThat(post("/chaos/start").statusCode()).isEqualTo(400);
    assertThat(get("/version", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
  }

  @Test
  void each_request_logs_one_json_line_with_the_request_id() throws Exception {
    HttpRequest req =
        request("/version", Duration.ofSeconds(2)).header("X-Request-ID", "abc123").GET().build();
    client.send(req, body());

    // The line is written once the response is sent: wait for it, with a deadline.
    String line = awaitLogLine("\"path\":\"/version\"");
    assertThat(line)
        .startsWith("{")
        .endsWith("}")
        .contains("\"request_id\":\"abc123\"")
        .contains("\"pool\":\"green\"")
        .contains("\"release\":\"green-7\"")
        .contains("\"status\":200")
        .contains("\"method\":\"GET\"");
  }

  @Test
  void bad_settings_exit_2_with_one_line_naming_the_setting() {
    assertBadSetting(Map.of("PORT", "eighty"), "demo-app: invalid PORT 'eighty'");
    assertBadSetting(Map.of("PORT", "70000"), "demo-app: invalid PORT '70000'");
    assertBadSetting(Map.of("APP_POOL", "blue green"), "demo-app: invalid APP_POOL 'blue green'");
    assertBadSetting(Map.of("RELEASE_ID", "a\"b"), "demo-app: invalid RELEASE_ID 'a\"b'");
  }

  @Test
  void empty_settings_take_the_defaults() throws Exception {
    DemoSettings s = DemoSettings.fromEnv(Map.of("APP_POOL", "", "PORT", " "));
    assertThat(s).isEqualTo(new DemoSettings("blue", "blue-1", 8081, "127.0.0.1"));
  }

  private String awaitLogLine(String fragment) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < deadline) {
      for (String l : logLines) {
        if (l.contains(fragment)) {
          return l;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no log line with " + fragment + " in " + logLines);
  }

  private void assertBadSetting(Map<String, String> env, String expected) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        DemoApp.run(
            env,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = err.toString(StandardCharsets.UTF_8);
    assertThat(status).isEqualTo(2);
    assertThat(printed).startsWith(expected);
    assertThat(printed.strip().lines()).hasSize(1);
  }

  private HttpResponse<String> get(String path, Duration timeout) throws Exception {
    return client.send(request(path, timeout).GET().build(), body());
  }

  private HttpResponse<String> post(String path) throws Exception {
    return client.send(
        request(path, Duration.ofSeconds(2)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        body());
  }

  private HttpRequest.Builder request(String path, Duration timeout) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(timeout);
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
