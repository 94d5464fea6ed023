package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.DeliveryOutlet;
import dev.bluegreen.watcher.DeliverySettings;
import dev.bluegreen.watcher.LiveConfig;
import dev.bluegreen.watcher.LiveWatcher;
import dev.bluegreen.watcher.Settings;
import dev.bluegreen.watcher.Sinks;
import dev.bluegreen.watcher.Watcher;
import dev.bluegreen.watcher.WatcherConfig;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.page.Timeline;
import dev.bluegreen.watcher.source.LogFollower;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * A live watcher wired as {@code watcher run} wires it (delivery to the console sink with its
 * receipts in the timeline, the HTTP server), on a temp access log the test appends the story of a
 * failover to: the blue part first, then the green part.
 */
final class LivePage implements AutoCloseable {
  static final Path STORY = Path.of("src/test/resources/replay/failover-and-recovery.log");

  /** The story's lines served by blue alone, before the failover. */
  static final int BLUE_LINES = 100;

  final Path log;
  final LiveWatcher watcher;
  final AdminServer server;
  private final AlertDelivery delivery;
  private final List<String> story;

  LivePage(Path dir) throws IOException {
    this.log = dir.resolve("access.log");
    this.story = Files.readAllLines(STORY, StandardCharsets.UTF_8);
    Files.createFile(log);
    Settings settings = new Settings(Map.of(), Map.of());
    WatcherConfig config = WatcherConfig.load(settings);
    LiveConfig live = new LiveConfig(log, LogFollower.Start.BEGINNING, null, "127.0.0.1", 0, false);
    Timeline timeline = new Timeline();
    delivery =
        Sinks.start(
            DeliverySettings.load(settings),
            new PrintWriter(new StringWriter(), true),
            Timing.SYSTEM,
            timeline::receipt);
    watcher =
        new Watcher(config, Timing.SYSTEM)
            // the production poll: change notifications wake the reader, as in watcher run
            .follow(live, new DeliveryOutlet(delivery, timeline), LogFollower.DEFAULT_POLL);
    server =
        AdminServer.start(
            "127.0.0.1", 0, AdminToken.of("page-token-0123456789abcdef"), watcher, Timing.SYSTEM);
    watcher.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** Appends the story's lines {@code from} (0-based) up to {@code to}, as Nginx writes them. */
  void append(int from, int to) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (String line : story.subList(from, Math.min(to, story.size()))) {
      lines.append(line).append('\n');
    }
    Files.writeString(log, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** The blue part of the story: traffic on the primary. */
  void blue() throws IOException {
    append(0, BLUE_LINES);
  }

  /** Blue fails, Nginx retries on green: the failover. */
  void failover() throws IOException {
    append(BLUE_LINES, BLUE_LINES + 60);
  }

  @Override
  public void close() {
    server.close();
    watcher.close();
    delivery.close();
  }
}
