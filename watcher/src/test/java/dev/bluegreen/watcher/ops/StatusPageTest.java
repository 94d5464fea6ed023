package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.page.History;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page over real HTTP: its files under a policy that forbids loading anything from
 * elsewhere, and {@code /events} streaming a snapshot at once, then a new one when a log line
 * changes what the watcher knows; clients beyond the bound are refused.
 */
class StatusPageTest {
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private LivePage page;
  private final List<InputStream> streams = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    page = new LivePage(dir);
  }

  @AfterEach
  void stop() throws IOException {
    for (InputStream stream : streams) {
      stream.close();
    }
    page.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(page.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Opens /events; each {@code data:} line's JSON arrives on the queue. */
  private LinkedBlockingQueue<JsonNode> events() throws Exception {
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(URI.create(page.url("/events")))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    streams.add(response.body());
    LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  if (line.startsWith("data: ")) {
                    events.add(TestJson.read(line.substring(6)));
                  }
                }
              } catch (IOException closed) {
                // the test ended the stream
              }
            });
    reader.setDaemon(true);
    reader.start();
    return events;
  }

  private static JsonNode next(LinkedBlockingQueue<JsonNode> events) throws InterruptedException {
    JsonNode event = events.poll(Await.LIMIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(event).as("an event within %s", Await.LIMIT).isNotNull();
    return event;
  }

  @Test
  void thePageIsServedWithAPolicyThatForbidsLoadingFromElsewhere() throws Exception {
    for (String path : List.of("/", "/status.js", "/status.css")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValue(PageAssets.CONTENT_SECURITY_POLICY);
      assertThat(response.body())
          .as(path)
          .doesNotContain("src=\"http", "href=\"http", "src=\"//", "url(", "@import", "fetch(");
    }
    assertThat(get("/").body()).contains("<script src=\"status.js\"", "/events");
    assertThat(PageAssets.CONTENT_SECURITY_POLICY).contains("default-src 'none'");
  }

  @Test
  void eventsSendASnapshotAtOnceThenTheChangeALogLineMakes() throws Exception {
    page.blue();
    Await.until("the blue lines read", () -> page.watcher.status().lines() == LivePage.BLUE_LINES);
    LinkedBlockingQueue<JsonNode> events = events();

    JsonNode first = next(events);
    assertThat(first.get("serving_pool").asText()).isEqualTo("blue");
    assertThat(first.get("active_pool").asText()).isEqualTo("blue");
    assertThat(first.get("serving_release").asText()).isEqualTo("v1.0.0-blue");
    assertThat(first.get("window").get("cells").asText())
        .hasSize(LivePage.BLUE_LINES)
        .matches("o+");
    assertThat(first.has("problems")).isTrue(); // all of /healthz's document is there
    assertThat(first.get("timeline")).isEmpty();

    page.failover();
    JsonNode latest = first;
    while (!latest.get("serving_pool").asText().equals("green")
        || !"delivered".equals(state(failover(latest), "console"))) {
      latest = next(events);
    }
    JsonNode failover = failover(latest);
    assertThat(failover.get("severity").asText()).isEqualTo("warning");
    assertThat(failover.get("text").asText())
        .isEqualTo("FAILOVER  traffic moved from blue to green (release v1.0.0-green)");
    assertThat(latest.get("serving_release").asText()).isEqualTo("v1.0.0-green");
    assertThat(latest.get("episodes").findValuesAsText("kind")).contains("failover");
    assertThat(latest.get("window").get("cells").asText()).contains("h", "e"); // retried, seen
  }

  /** The timeline's failover entry, or null. */
  private static JsonNode failover(JsonNode event) {
    for (JsonNode entry : event.get("timeline")) {
      if (entry.get("kind").asText().equals("failover")) {
        return entry;
      }
    }
    return null;
  }

  private static String state(JsonNode entry, String sink) {
    return entry == null ? null : entry.get("sinks").get(sink).get("state").asText();
  }

  @Test
  void nothingIsSentWhileNothingChanges() throws Exception {
    page.blue();
    Await.until("the blue lines read", () -> page.watcher.status().lines() == LivePage.BLUE_LINES);
    LinkedBlockingQueue<JsonNode> events = events();
    next(events);
    // the reading thread publishes at every poll (once a second while the log is quiet), and the
    // history takes a sample of the same values: none of it is a change
    assertThat(events.poll(History.EVERY_MILLIS + 1000, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void clientsBeyondTheBoundAreRefused() throws Exception {
    for (int i = 0; i < EventStream.MAX_CLIENTS; i++) {
      next(events());
    }
    HttpResponse<String> refused = get("/events");

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("too many status page clients");
  }
}
