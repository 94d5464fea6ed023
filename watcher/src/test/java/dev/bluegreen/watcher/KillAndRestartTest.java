package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar for restarts, with real processes: {@code watcher run} is killed with SIGKILL
 * after it alerted, lines are appended while it is down, and a new process on the same state file
 * alerts what happened meanwhile and nothing it had already sent. Alerts go to a stand-in webhook.
 */
class KillAndRestartTest {
  private static final Path STORY = Path.of("src/test/resources/replay/failover-and-recovery.log");

  @TempDir Path dir;

  private HttpServer webhook;
  private final List<String> received = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private volatile long answerAfterMillis; // a slow webhook: how long the stand-in takes to answer
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void standInWebhook() throws IOException {
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    webhook.createContext(
        "/hook",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            String kind = TestJson.MAPPER.readTree(body.readAllBytes()).path("kind").asText();
            synchronized (received) {
              received.add(kind);
            }
          }
          if (answerAfterMillis > 0) {
            try {
              Thread.sleep(answerAfterMillis); // the stand-in's own slowness, not a test wait
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    webhook.start();
  }

  @AfterEach
  void stopAll() {
    processes.forEach(Process::destroyForcibly);
    webhook.stop(0);
  }

  private List<String> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private Process startWatcher(Path log, Path state, int port, String name) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "dev.bluegreen.watcher.cli.Main",
            "run",
            "--from-start",
            "--log",
            log.toString(),
            "--state-file",
            state.toString(),
            "--http-port",
            Integer.toString(port));
    builder
        .environment()
        .put("ALERT_WEBHOOK_URL", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
    builder.environment().remove("SLACK_WEBHOOK_URL");
    builder.redirectOutput(dir.resolve(name + ".out").toFile());
    builder.redirectError(dir.resolve(name + ".err").toFile());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private long linesRead(int port) {
    try {
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
              HttpResponse.BodyHandlers.ofString());
      return TestJson.MAPPER.readTree(health.body()).path("lines").asLong();
    } catch (IOException e) {
      return -1; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Whether the state file says every sink delivered everything. */
  static boolean outboxEmpty(Path state) {
    try {
      com.fasterxml.jackson.databind.JsonNode outbox =
          TestJson.MAPPER.readTree(state.toFile()).path("outbox");
      if (outbox.isMissingNode() || outbox.isEmpty()) {
        return outbox.isObject();
      }
      for (com.fasterxml.jackson.databind.JsonNode messages : outbox) {
        if (!messages.isEmpty()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false; // not written yet
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void await(BooleanSupplier condition, String what) {
    Await.until(
        what, condition, () -> "received " + received() + "; watcher said:\n" + said("first"));
  }

  private String said(String name) {
    try {
      return Files.readString(dir.resolve(name + ".err"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Test
  void killedMidStreamThenRestartedAlertsWhatItMissedAndRepeatsNothing() throws Exception {
    List<String> story = Files.readAllLines(STORY);
    Path log = dir.resolve("access.log");
    Path state = dir.resolve("state.json");
    Files.write(log, story.subList(0, 150));

    int firstPort = freePort();
    Process first = startWatcher(log, state, firstPort, "first");
    await(() -> received().size() >= 3, "the first watcher's failover, error-rate, latency alerts");
    // delivery is saved within a second; a crash before that re-sends (at least once)
    await(() -> outboxEmpty(state), "the state file to record that all were delivered");
    first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no final save

    Files.write(log, story.subList(150, 400), StandardOpenOption.APPEND);
    int secondPort = freePort();
    startWatcher(log, state, secondPort, "second");
    await(() -> linesRead(secondPort) >= 250, "the second watcher to read the missed lines");
    await(() -> received().size() >= 6, "the second watcher's alerts");

    assertThat(received())
        .containsExactly(
            "failover",
            "error_rate",
            "latency",
            "recovery",
            "latency_resolved",
            "error_rate_resolved");
    // resumed from the last save: at the latest the error-rate alert (line 142), so at most the
    // 8 lines after it are read again, and they cannot alert twice
    assertThat(linesRead(secondPort)).as("resumed, not re-read").isBetween(250L, 258L);
  }

  @Test
  void sigtermLogsOneLineSayingWhatWasSavedAndWhatWasStillQueued() throws Exception {
    List<String> story = Files.readAllLines(STORY);
    Path log = dir.resolve("access.log");
    Path state = dir.resolve("state.json");
    Files.write(log, story.subList(0, 150));
    int port = freePort();
    Process first = startWatcher(log, state, port, "first");
    await(() -> linesRead(port) == 150, "the watcher to read the 150 lines");
    await(() -> received().size() == 3, "the failover, error-rate, latency alerts"); // queue empty

    first.destroy(); // SIGTERM: the shutdown hook runs
    first.waitFor();

    assertThat(Files.readAllLines(dir.resolve("first.err")))
        .filteredOn(line -> line.contains("stopped: "))
        .singleElement()
        .asString()
        .contains(
            "INFO  RunCommand - stopped: state saved to "
                + state
                + " after 150 lines read; 0 alert messages were undelivered (one per sink), 0 left"
                + " after the drain: kept in the state file, sent after a restart");
  }

  @Test
  void sigtermWithASlowWebhookWaitsForTheRequestInFlightKeepsTheRestAndARestartSendsThem()
      throws Exception {
    Path log = dir.resolve("access.log");
    Path state = dir.resolve("state.json");
    Files.copy(STORY, log); // six alerts: failover, error_rate, latency and their three ends
    answerAfterMillis = 6_000;
    int port = freePort();
    Process first = startWatcher(log, state, port, "first");
    await(() -> linesRead(port) == 400 && received().size() == 1, "the first request");

    // SIGTERM: 10 s of drain: the first answer at 6 s, the second request starts at 7 s and is
    // still in flight at 10 s; it is waited for (answered at 13 s), the last four are kept
    first.destroy();
    first.waitFor();

    String firstSaid = said("first");
    assertThat(received()).containsExactly("failover", "error_rate");
    assertThat(firstSaid)
        .doesNotContain("Socket closed", "gave up", "Canceled")
        .contains(
            "webhook: 4 messages not delivered before shutdown, kept in the state file to send"
                + " after a restart");
    assertThat(outboxEmpty(state)).isFalse();

    answerAfterMillis = 0;
    int secondPort = freePort();
    startWatcher(log, state, secondPort, "second");
    await(() -> received().size() >= 6, "the kept messages sent after the restart");
    await(() -> outboxEmpty(state), "the state file to record their delivery");

    assertThat(received())
        .as("each exactly once, in order")
        .containsExactly(
            "failover",
            "error_rate",
            "latency",
            "recovery",
            "latency_resolved",
            "error_rate_resolved");
    assertThat(said("second")).contains("webhook: 4 message(s) left undelivered by the last run");
  }
}
