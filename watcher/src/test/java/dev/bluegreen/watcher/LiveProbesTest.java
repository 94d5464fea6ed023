package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.notify.AlertText;
import dev.bluegreen.watcher.probe.ProbeConfig;
import dev.bluegreen.watcher.probe.ProbeStatus;
import dev.bluegreen.watcher.probe.ProbeTarget;
import dev.bluegreen.watcher.source.LogFollower;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watcher run} with PROBE_URLS against real local health endpoints: the standby's checks
 * reach the decisions through the reading thread, the status lists them, a restart remembers.
 */
class LiveProbesTest {
  @TempDir Path dir;

  private HttpServer server;
  private final AtomicInteger greenStatus = new AtomicInteger(503);
  private LiveWatcher watcher;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/blue", exchange -> answer(exchange, 200));
    server.createContext("/green", exchange -> answer(exchange, greenStatus.get()));
    server.start();
    Files.createFile(dir.resolve("access.log"));
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status)
      throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @AfterEach
  void stop() {
    if (watcher != null) {
      watcher.close();
    }
    server.stop(0);
  }

  private LiveWatcher start(RecordingOutlet outlet) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    ProbeConfig probes =
        new ProbeConfig(
            List.of(
                new ProbeTarget("blue", URI.create(base + "/blue")),
                new ProbeTarget("green", URI.create(base + "/green"))),
            Duration.ofSeconds(1));
    LiveConfig live =
        new LiveConfig(
                dir.resolve("access.log"),
                LogFollower.Start.END,
                dir.resolve("state.json"),
                "127.0.0.1",
                0,
                false)
            .withProbes(probes);
    WatcherConfig config = WatcherConfig.load(new Settings(Map.of(), Map.of()));
    LiveWatcher started =
        new Watcher(config, Timing.SYSTEM).follow(live, outlet, Duration.ofMillis(10));
    started.start();
    return started;
  }

  private static ProbeStatus probe(LiveWatcher w, String pool) {
    return w.status().probes().stream().filter(p -> p.pool().equals(pool)).findFirst().get();
  }

  @Test
  void aDownStandbyIsAnnouncedListedAndRememberedAcrossARestart() {
    RecordingOutlet outlet = new RecordingOutlet();
    watcher = start(outlet);
    assertThat(watcher.status().probes())
        .extracting(ProbeStatus::pool, ProbeStatus::state, ProbeStatus::serving)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("blue", "unknown", true),
            org.assertj.core.groups.Tuple.tuple("green", "unknown", false));

    Await.until("standby_down", () -> outlet.kinds().contains(AlertKind.STANDBY_DOWN));
    assertThat(AlertText.summary(outlet.alerts().get(0)))
        .isEqualTo(
            "STANDBY DOWN  green is down: a failover from blue would fail"
                + " (3 checks failed in a row; last: HTTP 503)");
    Await.until(
        "the status to show green down", () -> probe(watcher, "green").state().equals("down"));
    assertThat(probe(watcher, "green").lastError()).isEqualTo("HTTP 503");
    assertThat(probe(watcher, "blue").state()).isEqualTo("up");

    watcher.close();
    RecordingOutlet afterRestart = new RecordingOutlet();
    watcher = start(afterRestart);
    Await.until("two more failed checks", () -> probe(watcher, "green").failuresInRow() >= 5);
    assertThat(afterRestart.kinds()).as("not announced again after the restart").isEmpty();

    greenStatus.set(204);
    Await.until("standby_up", () -> afterRestart.kinds().contains(AlertKind.STANDBY_UP));
    assertThat(afterRestart.kinds()).containsExactly(AlertKind.STANDBY_UP);
  }
}
