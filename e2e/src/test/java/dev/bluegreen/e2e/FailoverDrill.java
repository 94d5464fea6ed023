package dev.bluegreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The drill every runtime must pass: steady traffic through chaos error, chaos timeout and a
 * planned switch, with zero client errors, the failover on green and the right Slack messages.
 */
final class FailoverDrill {
  /** The watcher's settings for the drill; a small window, so one hidden retry shows as a rate. */
  static final Map<String, String> SETTINGS =
      Map.of(
          "ACTIVE_POOL", "blue",
          "WATCHER_INSTANCE", "e2e",
          "WINDOW_SIZE", "40",
          "MIN_REQUESTS", "20",
          "ERROR_RATE_THRESHOLD", "2",
          "ALERT_COOLDOWN_SEC", "300");

  private static final long WINDOW_OF_CHAOS = TimeUnit.SECONDS.toNanos(10);

  private final Sandbox sandbox;
  private final SlackInbox slack;
  private final HttpClient admin = HttpClient.newHttpClient();

  FailoverDrill(Sandbox sandbox, SlackInbox slack) {
    this.sandbox = sandbox;
    this.slack = slack;
  }

  void run() throws Exception {
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

  /** Waits up to {@code seconds} for the condition; the failure shows what Slack got. */
  void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
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

  private static void awaitNanos(long at) throws InterruptedException {
    long left = at - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }
}
