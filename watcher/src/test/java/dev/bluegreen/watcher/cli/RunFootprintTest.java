package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.FreshJvm;
import dev.bluegreen.watcher.NginxLikeWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watcher run} writes all its JSON (logs, /healthz, /admin/status, the status page's events,
 * the state file) without jackson-databind: its ObjectMapper cost some 400 classes and 11 MB of an
 * idle watcher's memory (issue 15). Checked by the classes a fresh JVM loads, as StartUpTest does;
 * databind is on the test class path, so a use of it would show.
 */
class RunFootprintTest {
  @TempDir Path dir;

  @Test
  void aRunningWatcherLoadsNoDataBinding() throws Exception {
    String output = FreshJvm.run(RunsAndAnswers.class, dir.toString());

    List<String> loaded = output.lines().filter(line -> line.contains("[class,load]")).toList();
    assertThat(output).contains("answered /healthz, /admin/status, /events; state saved");
    assertThat(output).as("a JSON log line").contains("\"level\":\"INFO\"");
    assertThat(loaded)
        .as("the check sees JSON written")
        .anyMatch(line -> line.contains(" com.fasterxml.jackson.core.JsonFactory "));
    assertThat(loaded)
        .as("data binding loaded")
        .noneMatch(line -> line.contains(" com.fasterxml.jackson.databind."))
        .noneMatch(line -> line.contains(" com.fasterxml.jackson.annotation."));
  }

  /** A process that runs the watcher, asks it everything it answers in JSON, and exits. */
  static final class RunsAndAnswers {
    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      Path log = dir.resolve("access.log");
      Path state = dir.resolve("state.json");
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      Map<String, String> env =
          Map.of(
              "STATE_FILE", state.toString(),
              "HTTP_PORT", Integer.toString(port),
              "WATCHER_LOG_FORMAT", "json");
      try (NginxLikeWriter writer = new NginxLikeWriter(log)) {
        Thread run =
            new Thread(
                () ->
                    Main.run(
                        new String[] {"run", "--log", log.toString()},
                        env,
                        new ByteArrayInputStream(new byte[0]),
                        System.out,
                        new PrintStream(System.err, true, StandardCharsets.UTF_8)));
        run.setDaemon(true);
        run.start();
        String base = "http://127.0.0.1:" + port;
        Await.until("/healthz answers", () -> get(base + "/healthz", 200) != null);
        get(base + "/admin/status", 200);
        get(base + "/events", 20); // the first event: the page's JSON
        writer.write(3);
        Await.until("the state is saved", () -> Files.exists(state));
      }
      System.out.println("answered /healthz, /admin/status, /events; state saved");
      System.exit(0);
    }

    /** The first {@code bytes} of the answer, or null when nothing answers yet. */
    private static String get(String url, int bytes) {
      try {
        HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
        http.setReadTimeout(10_000);
        try (InputStream in = http.getInputStream()) {
          return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
        }
      } catch (IOException notYet) {
        return null;
      }
    }
  }
}
