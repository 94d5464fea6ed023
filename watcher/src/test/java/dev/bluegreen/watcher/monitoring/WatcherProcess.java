package dev.bluegreen.watcher.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.TestJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code watcher run} process, as one Nginx host runs it: it follows {@code log} from its
 * start, serves /healthz and /metrics on a port it picks itself, and takes the rest of its settings
 * from the environment given (nothing inherited reaches a real Slack or Alertmanager).
 */
final class WatcherProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("serving /healthz.* on [^:\\s]+:(\\d+)");
  private static final List<String> SINKS =
      List.of("SLACK_WEBHOOK_URL", "ALERT_WEBHOOK_URL", "ALERTMANAGER_URL", "WATCHER_INSTANCE");

  private final String name;
  private final Process process;
  private final Path said;
  private final HttpClient http = HttpClient.newHttpClient();
  private int port;

  private WatcherProcess(String name, Process process, Path said) {
    this.name = name;
    this.process = process;
    this.said = said;
  }

  /** Starts {@code watcher run} on {@code log}; its output goes to {@code dir/name.out|err}. */
  static WatcherProcess start(Path dir, String name, Path log, Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1", // starts sooner; these tests read a few lines
            "-cp",
            System.getProperty("java.class.path"),
            "dev.bluegreen.watcher.cli.Main",
            "run",
            "--from-start",
            "--log",
            log.toString(),
            "--http-bind",
            "127.0.0.1",
            "--http-port",
            "0");
    SINKS.forEach(builder.environment()::remove);
    builder.environment().putAll(environment);
    Path said = dir.resolve(name + ".err");
    builder.redirectOutput(dir.resolve(name + ".out").toFile());
    builder.redirectError(said.toFile());
    return new WatcherProcess(name, builder.start(), said);
  }

  /** Waits until it serves /healthz, i.e. follows its log. */
  WatcherProcess awaitServing() {
    Await.until(name + " to serve /healthz", () -> lines() >= 0, this::said);
    return this;
  }

  /** Lines read so far, or -1 while it does not answer yet. */
  long lines() {
    JsonNode health = get("/healthz");
    return health == null ? -1 : health.path("lines").asLong();
  }

  /** The text of GET {@code path}, or {@code null} while it does not answer. */
  String text(String path) {
    if (port == 0) {
      Matcher serving = SERVING.matcher(said());
      if (!serving.find()) {
        return null;
      }
      port = Integer.parseInt(serving.group(1));
    }
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private JsonNode get(String path) {
    String body = text(path);
    return body == null ? null : TestJson.read(body);
  }

  /** What it logged (stderr), for failure messages. */
  String said() {
    try {
      return Files.exists(said) ? Files.readString(said) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
