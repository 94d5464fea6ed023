package dev.bluegreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox end to end: real Nginx on the rendered template, blue and green demo-apps, the
 * watcher posting to a stand-in Slack, steady client traffic through chaos and a planned switch,
 * the status page watched in headless Chromium (a screenshot of the failover in target/).
 */
class SandboxFailoverIT {
  @TempDir Path runDir;
  @TempDir Path browserDir;
  private StandInSlack slack;
  private FailoverDrill drill;
  private Sandbox sandbox;
  private final HttpClient admin = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    // Never skipped: without nginx the test fails and says how to get it.
    assertThat(Sandbox.nginxInstalled())
        .as("nginx is not installed: apt-get install -y nginx-light (the end-to-end test needs it)")
        .isTrue();
    slack = StandInSlack.onLoopback();
    Map<String, String> settings = new HashMap<>(FailoverDrill.SETTINGS);
    settings.put("SLACK_WEBHOOK_URL", slack.url());
    sandbox = new Sandbox(runDir, settings);
    drill = new FailoverDrill(sandbox, slack.inbox, browserDir);
    sandbox.run("up");
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (sandbox != null) {
        String out = sandbox.run("down");
        assertThat(out).contains("down: nothing listens");
        for (int port : sandbox.ports()) {
          assertThat(sandbox.listening(port)).as("port %d after down", port).isFalse();
        }
      }
    } finally {
      if (slack != null) {
        slack.close();
      }
    }
  }

  @Test
  void chaos_fails_over_with_zero_client_errors_and_a_planned_switch_pages_nobody()
      throws Exception {
    drill.run();
  }

  /**
   * Issue 15: no request reaches the standby, so only the watcher's probes (PROBE_URLS, set by the
   * sandbox) can see it break: standby_down within 40 s of {@code make chaos POOL=green}, then
   * standby_up after chaos-stop. Run on the trace test's sandbox: no start of its own.
   */
  private void aBrokenStandbyIsAnnouncedByTheProbesAndItsReturnToo() throws Exception {
    sandbox.set("CHAOS_POOL", "green"); // make chaos POOL=green
    long start = System.nanoTime();
    String out = sandbox.run("chaos", "error");
    drill.await(
        "standby_down at the stand-in Slack",
        40 - (int) TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
        () -> !slack.inbox.startingWith("Standby down: green", 0).isEmpty());
    assertThat(slack.inbox.startingWith("Standby down: green", 0).get(0))
        .as(out)
        .contains("green is down: a failover from blue would fail");
    System.out.printf(
        "standby_down reached Slack %d s after make chaos POOL=green%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));

    sandbox.set("CHAOS_POOL", "");
    sandbox.run("chaos-stop");
    drill.await(
        "standby_up at the stand-in Slack",
        30,
        () -> !slack.inbox.startingWith("Standby up: green", 0).isEmpty());
  }

  @Test
  void a_request_is_traced_and_replays_clean_and_a_broken_standby_is_announced() throws Exception {
    HttpResponse<String> r =
        admin.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.nginxPort + "/version"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String id = r.headers().firstValue("X-Request-ID").orElseThrow();
    Path accessLog = runDir.resolve("logs/access.log");
    Path blueLog = runDir.resolve("logs/blue.log");

    drill.await("the access log line", 10, () -> contains(accessLog, "request_id=" + id));
    drill.await("the app's log line", 10, () -> contains(blueLog, "\"request_id\":\"" + id + "\""));

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

    aBrokenStandbyIsAnnouncedByTheProbesAndItsReturnToo();
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.exists(file) && Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
