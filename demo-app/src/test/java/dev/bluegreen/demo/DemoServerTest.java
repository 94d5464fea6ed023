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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    // The timed-out request above is still held on the server: the client gave up, not the app.
    int before = server.heldRequests();
    CompletableFuture<HttpResponse<String>> hung =
        client.sendAsync(request("/version", Duration.ofSeconds(4)).GET().build(), body());
    awaitHeld(before + 1);
    assertThat(hung).isNotDone();
    post("/chaos/stop");
    // Released by the stop, long before the app's own 5 s hang limit.
    assertThat(hung.get(3, TimeUnit.SECONDS).statusCode()).isEqualTo(504);
    assertThat(server.heldRequests()).isZero();
    assertThat(get("/version", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
  }

  @Test
  void chaos_slow_answers_200_after_the_delay_and_names_it() throws Exception {
    HttpResponse<String> started = post("/chaos/start?mode=slow&ms=400");
    assertThat(started.statusCode()).isEqualTo(200);
    assertThat(started.body().strip()).isEqualTo("{\"chaos\":\"slow\",\"ms\":400}");

    long begin = System.nanoTime();
    HttpResponse<String> r = get("/version", Duration.ofSeconds(3));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"pool\":\"green\"");
    assertThat(millis).isGreaterThanOrEqualTo(400);
    assertThat(awaitLogLine("\"chaos\":\"slow\"")).contains("\"status\":200");
    post("/chaos/stop");
    assertThat(get("/version", Duration.ofMillis(300)).statusCode()).isEqualTo(200);
  }

  @Test
  void chaos_slow_without_ms_waits_700_ms() throws Exception {
    HttpResponse<String> started = post("/chaos/start?mode=slow");

    assertThat(started.body().strip()).isEqualTo("{\"chaos\":\"slow\",\"ms\":700}");
    long begin = System.nanoTime();
    assertThat(get("/healthz", Duration.ofSeconds(3)).statusCode()).isEqualTo(200);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin))
        .isGreaterThanOrEqualTo(700);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mode=error&mode=timeout | mode given twice",
        "mode=slow&ms=0          | ms must be a whole number from 1 to 30000, not '0'",
        "mode=slow&ms=30001      | ms must be a whole number from 1 to 30000, not '30001'",
        "mode=slow&ms=-5         | ms must be a whole number from 1 to 30000, not '-5'",
        "mode=slow&ms=abc        | ms must be a whole number from 1 to 30000, not 'abc'",
        "mode=error&ms=100       | ms applies to mode=slow only",
        "mode=fast               | mode must be error, timeout or slow, not 'fast'",
        "ms=100                  | mode is required",
      })
  void a_bad_chaos_query_is_refused_400_with_a_one_line_reason_and_changes_nothing(
      String query, String reason) throws Exception {
    HttpResponse<String> r = post("/chaos/start?" + query);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body().strip().lines()).hasSize(1);
    assertThat(r.body()).startsWith("{\"error\":\"" + reason);
    assertThat(get("/version", Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
  }

  @Test
  void chaos_endpoints_need_post_and_a_known_mode() throws Exception {
    assertThat(get("/chaos/start?mode=error", Duration.ofSeconds(2)).statusCode()).isEqualTo(405);
    assertThat(post("/chaos/start?mode=outage").statusCode()).isEqualTo(400);
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

  private void awaitHeld(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (server.heldRequests() != count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(server.heldRequests()).isEqualTo(count);
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
