package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.notify.LogCapture;
import dev.bluegreen.watcher.ops.AdminServer;
import dev.bluegreen.watcher.ops.AdminToken;
import dev.bluegreen.watcher.ops.ControlResult;
import dev.bluegreen.watcher.ops.Controls;
import dev.bluegreen.watcher.ops.PendingControl;
import dev.bluegreen.watcher.source.LogFollower;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher tells the truth about itself: a log it cannot read, a log in another format, a state
 * it cannot save each show in {@code /healthz} (503 while blind), in {@code /metrics}, as a WARN
 * with the fix, and, when blind, once to the channel. Real files, a real follower, real HTTP.
 */
class WatcherHealthTest {
  private static final Path STORY = Path.of("src/test/resources/replay/failover-and-recovery.log");
  private static final String COMBINED =
      "203.0.113.9 - - [01/Nov/2026:10:00:00 +0000] \"GET /%d HTTP/1.1\" 200 612 \"-\" \"curl/8.5\"";

  @TempDir Path dir;

  @RegisterExtension final LogCapture logs = new LogCapture();

  private final HttpClient http = HttpClient.newHttpClient();
  private final RecordingOutlet outlet = new RecordingOutlet();
  private LiveWatcher watcher;
  private AdminServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (watcher != null) {
      watcher.close();
    }
  }

  private void start(Path log, Path state) throws IOException {
    start(log, state, Duration.ofMillis(10));
  }

  private void start(Path log, Path state, Duration poll) throws IOException {
    WatcherConfig config = WatcherConfig.load(new Settings(Map.of(), Map.of()));
    LiveConfig live = new LiveConfig(log, LogFollower.Start.END, state, "127.0.0.1", 0, false);
    watcher = new Watcher(config, Timing.SYSTEM).follow(live, outlet, poll);
    server = AdminServer.start("127.0.0.1", 0, AdminToken.generate(), watcher, Timing.SYSTEM);
    watcher.start();
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until /healthz answers {@code code} with {@code status}; returns its body. */
  private JsonNode awaitHealth(int code, String status) {
    HttpResponse<String>[] last = new HttpResponse[1];
    Await.until(
        "/healthz to answer " + code + " " + status,
        () -> {
          last[0] = get("/healthz");
          return last[0].statusCode() == code && last[0].body().contains("\"" + status + "\"");
        },
        () -> last[0] == null ? "no answer" : last[0].statusCode() + " " + last[0].body());
    return TestJson.read(last[0].body());
  }

  private static String code(JsonNode health) {
    return health.get("problems").get(0).get("code").asText();
  }

  @Test
  void aDirectoryInsteadOfTheLogIsFailing503UntilTheLogIsThere() throws IOException {
    Path log = dir.resolve("access.log");
    Files.createDirectory(log);
    start(log, null);

    JsonNode health = awaitHealth(503, "failing");

    assertThat(code(health)).isEqualTo("log_not_regular");
    assertThat(health.get("problems").get(0).get("detail").asText())
        .isEqualTo(log + " is a directory, not a file");
    assertThat(get("/metrics").body())
        .contains("watcher_health_status 2.0")
        .contains("watcher_health_problem{code=\"log_not_regular\"} 1.0")
        .contains("watcher_health_problem{code=\"format_mismatch\"} 0.0");
    assertThat(logs.text())
        .contains("WARN")
        .contains("health: log_not_regular")
        .contains("Fix: point LOG_PATH");
    assertThat(outlet.notices())
        .singleElement()
        .asString()
        .startsWith("blind: cannot follow " + log + " is a directory, not a file, since ");

    Files.delete(log);
    Files.write(log, Files.readAllLines(STORY).subList(0, 3));
    awaitHealth(200, "ok");
    Await.until("the channel told it sees again", () -> outlet.notices().size() == 2);
    assertThat(outlet.notices().get(1)).isEqualTo("sees: reads " + log + " again");
  }

  @Test
  void aControlIsTakenAtOnceWhileTheLogIsRefused() throws Exception {
    Path log = dir.resolve("access.log");
    Files.createDirectory(log);
    start(log, null, Duration.ofSeconds(10)); // the retry's wait is longer than a control may take
    awaitHealth(503, "failing");

    PendingControl.Outcome<ControlResult> outcome =
        watcher.maintenance(true).await(Controls.TIMEOUT);

    assertThat(outcome.fate()).as("woken by the control").isEqualTo(PendingControl.Fate.APPLIED);
    assertThat(watcher.status().maintenance()).isTrue();
  }

  @Test
  void aFifoInsteadOfTheLogIsFailingAndDoesNotHangTheWatcher() throws Exception {
    Path log = dir.resolve("access.log");
    Process mkfifo = new ProcessBuilder("mkfifo", log.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
    start(log, null);

    JsonNode health = awaitHealth(503, "failing");

    assertThat(code(health)).isEqualTo("log_not_regular");
    assertThat(health.get("problems").get(0).get("detail").asText())
        .endsWith("a FIFO, socket or device, not a regular file");
    watcher.close(); // returns: the follower never opened the FIFO
    assertThat(watcher.savedAtClose()).isEqualTo("no state file, 0 lines read");
  }

  @Test
  void anUnreadableLogIsFailingWithPermissionDenied() throws IOException {
    Path log = unreadableFile();
    start(log, null);

    JsonNode health = awaitHealth(503, "failing");

    assertThat(code(health)).isEqualTo("log_unreadable");
    assertThat(health.get("problems").get(0).get("detail").asText())
        .isEqualTo("cannot read " + log + ": permission denied");
    assertThat(outlet.notices())
        .singleElement()
        .asString()
        .startsWith("blind: cannot read " + log + ": permission denied, since ");
  }

  private Path unreadableFile() throws IOException {
    return UnreadableFile.in(dir, "access.log", "");
  }

  @Test
  void aLogInAnotherFormatIsFailingWithTheFirstLineAndTheFix() throws IOException {
    Path log = dir.resolve("access.log");
    Files.createFile(log);
    start(log, null);
    Await.until("the watcher to follow the log", () -> watcher.status().following());
    List<String> combined = new ArrayList<>();
    for (int i = 1; i <= 150; i++) {
      combined.add(String.format(COMBINED, i));
    }
    Files.write(log, combined, StandardOpenOption.APPEND);

    JsonNode health = awaitHealth(503, "failing");

    assertThat(code(health)).isEqualTo("format_mismatch");
    assertThat(logs.text())
        .contains("health: format_mismatch")
        .contains(log + ":1 (")
        .contains(String.format(COMBINED, 1))
        .contains("Fix: set --nginx-log-format (NGINX_LOG_FORMAT)");
    assertThat(outlet.notices()).singleElement().asString().startsWith("blind: cannot parse");

    Files.write(log, Files.readAllLines(STORY).subList(0, 1), StandardOpenOption.APPEND);
    awaitHealth(200, "ok");
  }

  @Test
  void aStateThatCannotBeSavedIsDegradedStill200() throws IOException {
    Path log = dir.resolve("access.log");
    Files.createFile(log);
    Path notADirectory = Files.createFile(dir.resolve("state"));
    start(log, notADirectory.resolve("watcher.json"));
    Await.until("the watcher to follow the log", () -> watcher.status().following());
    Files.write(log, Files.readAllLines(STORY).subList(0, 10), StandardOpenOption.APPEND);

    JsonNode health = awaitHealth(200, "degraded");

    assertThat(code(health)).isEqualTo("state_unsaved");
    assertThat(health.get("problems").get(0).get("detail").asText())
        .startsWith("cannot write the state file " + notADirectory.resolve("watcher.json"));
    assertThat(get("/metrics").body())
        .contains("watcher_health_status 1.0")
        .contains("watcher_health_problem{code=\"state_unsaved\"} 1.0");
    assertThat(logs.text()).contains("health: state_unsaved").contains("Fix: make STATE_FILE");
    assertThat(outlet.notices()).as("degraded is not blind: the channel is not told").isEmpty();
  }
}
