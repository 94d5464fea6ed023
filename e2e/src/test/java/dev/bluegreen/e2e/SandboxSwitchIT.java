package dev.bluegreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make switch fails for real at each step (nginx's config test, the new pool not serving, the
 * watcher not answering) and leaves nginx, the watcher and run/active-pool on the old pool.
 */
class SandboxSwitchIT {
  @TempDir Path runDir;
  private Sandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void leaveNothingRunning() throws Exception {
    if (sandbox != null && Files.exists(runDir.resolve("runtime"))) {
      sandbox.run("down");
    }
  }

  @Test
  void a_switch_whose_step_fails_changes_nothing_or_rolls_back_and_says_so_in_one_line()
      throws Exception {
    sandbox = new Sandbox(runDir, Map.of("ACTIVE_POOL", "blue"));
    sandbox.run("up");
    assertThat(Files.isSymbolicLink(runDir.resolve("logs"))).isTrue();
    assertThat(Files.readSymbolicLink(runDir.resolve("logs")).toString()).startsWith("sessions/");

    // nginx -t fails on the new config: the watcher is never told.
    sandbox.set("GREEN_PORT", "abc");
    Sandbox.Result untestable = sandbox.attempt("switch");
    sandbox.set("GREEN_PORT", Integer.toString(sandbox.greenPort));
    assertThat(untestable.exit()).isNotZero();
    assertThat(untestable.output().strip())
        .startsWith("sandbox: switch to green refused: nginx's new config does not test:")
        .contains("invalid port in upstream")
        .endsWith("nothing changed, blue serves")
        .doesNotContain("\n");
    assertOn("blue");

    // Green answers 500: nginx keeps serving blue after the reload, so the switch is undone.
    chaos(sandbox.greenPort, "start?mode=error");
    Sandbox.Result broken = sandbox.attempt("switch");
    chaos(sandbox.greenPort, "stop");
    assertThat(broken.exit()).isNotZero();
    assertThat(broken.output().strip())
        .isEqualTo(
            "sandbox: switch to green failed: nginx did not serve green within 10 s (green"
                + " unhealthy? make status); rolled back: nginx serves blue again, the watcher"
                + " expects blue again");
    assertOn("blue");

    // Before, it said ".env ACTIVE_POOL=green" though there was no .env line to rewrite. It also
    // said "switched" while nginx's workers from before the reload still answered their open
    // connections from the old config: here a client halfway through sending a request, once
    // nginx's worker has read what was sent (a busy machine may leave it unaccepted for a while).
    List<Long> before = nginxWorkers();
    try (Socket client = new Socket("127.0.0.1", sandbox.nginxPort)) {
      OutputStream out = client.getOutputStream();
      out.write("GET /version HTTP/1.1\r\nHost: sandbox\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      awaitReadByOneOf(before, sandbox.nginxPort, client.getLocalPort());
      String line = sandbox.run("switch");
      List<Long> workersAfter = nginxWorkers();
      assertThat(line)
          .contains("switched: blue -> green")
          .contains("no " + runDir.resolve("no.env") + ", so the next make up starts on blue");
      out.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (line.contains(
          "; nginx's workers from before still finish their open connections on the old config)")) {
        assertThat(answer).as("the old worker's answer").containsIgnoringCase("x-app-pool: blue");
      } else {
        // CI once got no such word here (cause not found; it never happened on this machine).
        // Then the line must still be true: no worker from before was left when it was said,
        // and none answers from the old config.
        System.out.printf("SandboxSwitchIT: no worker kept the held request; it got: %s%n", answer);
        assertThat(workersAfter).as("workers from before").doesNotContainAnyElementsOf(before);
        assertThat(answer).doesNotContainIgnoringCase("x-app-pool: blue");
      }
    }
    // With no connection held, the switch waits for the old workers (the keep-alive connection
    // of this test's HTTP client among them), so nothing is served from the old config after it.
    switchesWithNoWorkerLeftFromBefore("green", "blue");
    switchesWithNoWorkerLeftFromBefore("blue", "green");

    // Its JVM maps the class-data archive sandbox.sh made for the jar (packaging/cds-archive.sh):
    // one made for another jar it would have dropped without a word.
    String watcherPid = Files.readString(runDir.resolve("watcher.pid")).strip();
    assertThat(Files.readString(Path.of("/proc", watcherPid, "maps")))
        .as("the sandbox watcher's memory map")
        .contains(" " + Sandbox.ROOT.resolve("watcher/target/watcher.jsa").toRealPath());

    // The watcher does not answer: nothing changes.
    ProcessHandle.of(Long.parseLong(watcherPid)).ifPresent(ProcessHandle::destroy);
    Sandbox.Result deaf = sandbox.attempt("switch");
    assertThat(deaf.exit()).isNotZero();
    assertThat(deaf.output().strip())
        .startsWith("sandbox: switch to blue refused: the watcher was not told (")
        .endsWith("nothing changed, green serves");
    assertThat(servedBy()).isEqualTo("green");
    assertThat(Files.readString(runDir.resolve("active-pool")).strip()).isEqualTo("green");
  }

  private void switchesWithNoWorkerLeftFromBefore(String from, String to) throws Exception {
    List<Long> before = nginxWorkers();
    assertThat(sandbox.run("switch"))
        .contains("switched: " + from + " -> " + to)
        .doesNotContain("workers");
    assertThat(nginxWorkers())
        .as("nginx's workers from before the switch")
        .doesNotContainAnyElementsOf(before);
    assertOn(to);
  }

  /**
   * Waits until one of these nginx workers holds nginx's side of the connection from this client
   * port, with nothing left unread on it: /proc/net/tcp gives the socket and its receive queue,
   * /proc/PID/fd which process holds it.
   */
  private static void awaitReadByOneOf(List<Long> workers, int serverPort, int clientPort) {
    String local = String.format("0100007F:%04X", serverPort);
    String remote = String.format("0100007F:%04X", clientPort);
    Await.until(
        "nginx's worker to read the held request",
        Duration.ofSeconds(10),
        () -> {
          String[] socket = tcpRow(local, remote);
          return socket != null
              && Long.parseLong(socket[4].substring(socket[4].indexOf(':') + 1), 16) == 0
              && heldBy(workers, "socket:[" + socket[9] + "]");
        },
        () -> "its /proc/net/tcp row: " + Arrays.toString(tcpRow(local, remote)));
  }

  /** The fields of the /proc/net/tcp row of this connection, or null when there is none. */
  private static String[] tcpRow(String local, String remote) {
    try {
      for (String row : Files.readAllLines(Path.of("/proc/net/tcp"))) {
        String[] f = row.strip().split("\\s+");
        if (f.length > 9 && f[1].equals(local) && f[2].equals(remote)) {
          return f;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean heldBy(List<Long> pids, String socket) {
    for (long pid : pids) {
      try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
        for (Path fd : fds) {
          if (socket.equals(Files.readSymbolicLink(fd).toString())) {
            return true;
          }
        }
      } catch (IOException e) {
        // The process is gone, or one of its descriptors closed while read.
      }
    }
    return false;
  }

  private void assertOn(String pool) throws Exception {
    assertThat(servedBy()).as("the pool nginx serves").isEqualTo(pool);
    assertThat(sandbox.run("watcher", "ctl", "status")).contains("active pool " + pool + ",");
    assertThat(Files.readString(runDir.resolve("active-pool")).strip()).isEqualTo(pool);
  }

  private List<Long> nginxWorkers() throws Exception {
    long master = Long.parseLong(Files.readString(runDir.resolve("nginx/nginx.pid")).strip());
    return ProcessHandle.of(master).orElseThrow().children().map(ProcessHandle::pid).toList();
  }

  private String servedBy() throws Exception {
    HttpResponse<Void> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.nginxPort + "/version"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return r.headers().firstValue("X-App-Pool").orElse("none");
  }

  private void chaos(int port, String action) throws Exception {
    HttpResponse<Void> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chaos/" + action))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(r.statusCode()).as("chaos %s", action).isEqualTo(200);
  }
}
