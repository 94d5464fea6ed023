package dev.bluegreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox end to end: real Nginx on the rendered template, blue and green demo-apps, the
 * watcher posting to a stand-in Slack, steady client traffic through chaos and a planned switch.
 */
class SandboxFailoverIT {
  private static final long WINDOW_OF_CHAOS = TimeUnit.SECONDS.toNanos(10);

  @TempDir Path runDir;
  private MockWebServer slackServer;
  private final SlackInbox slack = new SlackInbox();
  private Sandbox sandbox;
  private final HttpClient admin = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    // Never skipped: without nginx the test fails and says how to get it.
    assertThat(Sandbox.nginxInstalled())
        .as("nginx is not installed: apt-get install -y nginx-light (the end-to-end test needs it)")
        .isTrue();
    slackServer = new MockWebServer();
    slackServer.setDispatcher(slack);
    slackServer.start(InetAddress.getByName("127.0.0.1"), 0);
    sandbox =
        new Sandbox(
            runDir,
            Map.of(
                "ACTIVE_POOL", "blue",
                "SLACK_WEBHOOK_URL", slackServer.url("/services/T0/B0/e2e").toString(),
                "WATCHER_INSTANCE", "e2e",
                // A small window, so the one hidden retry per fail_timeout shows as a rate.
                "WINDOW_SIZE", "40",
                "MIN_REQUESTS", "20",
                "ERROR_RATE_THRESHOLD", "2",
                "ALERT_COOLDOWN_SEC", "300"));
    sandbox.run("up");
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (sandbox != null) {
        String out = sandbox.run("down");
        assertThat(out).contains("down: nothing listens");
        for (int port :
            List.of(sandbox.nginxPort, sandbox.bluePort, sandbox.greenPort, sandbox.watcherPort)) {
          assertThat(sandbox.listening(port)).as("port %d after down", port).isFalse();
        }
      }
    } finally {
      if (slackServer != null) {
        slackServer.close();
      }
    }
  }

  @Test
  void chaos_fails_over_with_zero_client_errors_and_a_planned_switch_pages_nobody()
      throws Exception {
    try (Traffic traffic = new Traffic(sandbox.nginxPort, 2, 20)) {
      long begin = System.nanoTime();
      await("traffic on blue", 20, () -> traffic.lastServedBy("blue", 20, begin));

      // Chaos error on blue: Nginx retries every failing request on green.
      long errorAt = chaos(sandbox.bluePort, "start?mode=error");
      await(
          "failover and error-rate alerts", 20, () -> has("Failover on e2e") && has("Error rate"));
      awaitNanos(errorAt + WINDOW_OF_CHAOS);
      assertMostlyGreen(traffic, errorAt);

      chaos(sandbox.bluePort, "stop");
      await("recovery alert", 20, () -> has("Recovered on e2e"));
      long recovered = System.nanoTime();
      await("traffic back on blue", 20, () -> traffic.lastServedBy("blue", 20, recovered));

      // Chaos timeout on blue: each probe of blue costs its client about a second, not ten.
      long timeoutAt = chaos(sandbox.bluePort, "start?mode=timeout");
      awaitNanos(timeoutAt + WINDOW_OF_CHAOS);
      assertMostlyGreen(traffic, timeoutAt);
      chaos(sandbox.bluePort, "stop");
      long back = System.nanoTime();
      await("traffic back on blue", 20, () -> traffic.lastServedBy("blue", 20, back));

      // Planned switch: the watcher is told, Nginx reloads; no request dropped, no failover page.
      int before = slack.texts().size();
      long switchAt = System.nanoTime();
      assertThat(sandbox.run("switch")).contains("switched: blue -> green");
      await("traffic on green", 20, () -> traffic.lastServedBy("green", 40, switchAt));
      await(
          "the planned-switch notice", 20, () -> !slack.startingWith("Planned", before).isEmpty());
      assertThat(slack.startingWith("Failover", before)).isEmpty();
      assertThat(slack.startingWith("Still failed over", before)).isEmpty();
      traffic.close();

      List<Traffic.Response> all = traffic.responses();
      System.out.printf(
          "e2e: %d responses, %d not 200, slowest %d ms; slack got %s%n",
          all.size(),
          all.stream().filter(r -> r.status() != 200).count(),
          all.stream().mapToLong(Traffic.Response::nanos).max().orElse(0) / 1_000_000,
          slack.texts());
      assertThat(all).hasSizeGreaterThan(500);
      assertThat(all).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
      assertThat(all)
          .allSatisfy(
              r -> assertThat(r.nanos()).isLessThan(Traffic.CLIENT_TIMEOUT.toNanos()).as("%s", r));
    }
  }

  @Test
  void a_request_is_traced_from_the_access_log_to_the_app_and_the_log_replays_clean()
      throws Exception {
    HttpResponse<String> r =
        admin.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.nginxPort + "/version"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String id = r.headers().firstValue("X-Request-ID").orElseThrow();
    Path accessLog = runDir.resolve("logs/access.log");
    Path blueLog = runDir.resolve("logs/blue.log");

    await("the access log line", 10, () -> contains(accessLog, "request_id=" + id));
    await("the app's log line", 10, () -> contains(blueLog, "\"request_id\":\"" + id + "\""));

    Process replay =
        new ProcessBuilder(
                "java",
                "-jar",
                Sandbox.ROOT.resolve("watcher/target/watcher.jar").toString(),
                "replay",
                accessLog.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(replay.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(replay.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(replay.exitValue()).as(out).isZero();
    assertThat(out).contains(" 0 malformed");
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.exists(file) && Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private void assertMostlyGreen(Traffic traffic, long chaosAt) {
    List<Traffic.Response> window = traffic.between(chaosAt, chaosAt + WINDOW_OF_CHAOS);
    long green = window.stream().filter(r -> r.pool().equals("green")).count();
    System.out.printf(
        "e2e: %d of %d responses from green in the 10 s after chaos%n", green, window.size());
    assertThat(window).hasSizeGreaterThan(50);
    assertThat(100.0 * green / window.size())
        .as("percent of %d responses from green in the 10 s after chaos", window.size())
        .isGreaterThanOrEqualTo(95.0);
  }

  private long chaos(int port, String action) throws Exception {
    long at = System.nanoTime();
    HttpResponse<String> r =
        admin.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chaos/" + action))
                .timeout(Duration.ofSeconds(3))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("chaos %s", action).isEqualTo(200);
    return at;
  }

  private boolean has(String prefix) {
    return !slack.startingWith(prefix, 0).isEmpty();
  }

  private void await(String what, int seconds, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after "
                + seconds
                + " s waiting for "
                + what
                + "; slack got "
                + slack.texts());
      }
      Thread.sleep(50);
    }
  }

  private static void awaitNanos(long at) throws InterruptedException {
    long left = at - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }
}
