package dev.bluegreen.watcher.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bluegreen.watcher.TestJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless {@code chromium}, driven over the DevTools protocol (a WebSocket, the JDK's own
 * client): open a page, read its DOM after its scripts ran, resize it, save a screenshot. A missing
 * binary fails the test with the command that installs it; it never skips.
 */
public final class Chromium implements AutoCloseable {
  /** What to run; {@code CHROMIUM} overrides. */
  static final String BINARY = System.getenv().getOrDefault("CHROMIUM", "chromium");

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final long ANSWER_SECONDS = 30;

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

  private Chromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Starts a headless browser with one blank page of {@code width} x {@code height}. */
  public static Chromium start(Path profile, int width, int height) throws Exception {
    Process process;
    try {
      process =
          new ProcessBuilder(
                  BINARY,
                  "--headless=new",
                  "--disable-gpu",
                  "--no-sandbox",
                  "--no-first-run",
                  "--disable-extensions",
                  "--remote-debugging-port=0",
                  "--user-data-dir=" + profile,
                  "--window-size=" + width + "," + height,
                  "about:blank")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "headless Chromium is needed for the status page's browser test and '"
              + BINARY
              + "' cannot run ("
              + e.getMessage()
              + "); install it: apt-get install -y chromium",
          e);
    }
    String browser = listening(process);
    HttpClient http = HttpClient.newHttpClient();
    URI list = URI.create(browser.replaceFirst("^ws://([^/]+)/.*$", "http://$1/json/list"));
    String page = null;
    for (JsonNode target :
        TestJson.read(
            http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString())
                .body())) {
      if (target.path("type").asText().equals("page")) {
        page = target.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (page == null) {
      process.destroyForcibly();
      throw new AssertionError("Chromium opened no page to drive");
    }
    Chromium[] self = new Chromium[1];
    WebSocket socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(page), new Listener(answer -> self[0].answered(answer)))
            .get(ANSWER_SECONDS, TimeUnit.SECONDS);
    self[0] = new Chromium(process, socket);
    return self[0];
  }

  /** The DevTools address Chromium prints on stderr once it listens. */
  private static String listening(Process process) throws IOException {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder said = new StringBuilder();
    for (String line = err.readLine(); line != null; line = err.readLine()) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> err.lines().forEach(l -> {}), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
      said.append(line).append('\n');
    }
    throw new AssertionError("Chromium ended before it listened:\n" + said);
  }

  /** Sends a DevTools command and waits for its result. */
  public JsonNode call(String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode command = TestJson.MAPPER.createObjectNode();
    command.put("id", id);
    command.put("method", method);
    command.set("params", TestJson.MAPPER.valueToTree(params));
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    socket
        .sendText(TestJson.MAPPER.writeValueAsString(command), true)
        .get(ANSWER_SECONDS, TimeUnit.SECONDS);
    JsonNode reply = answer.get(ANSWER_SECONDS, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new AssertionError(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  private void answered(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = waiting.remove(message.get("id").asInt());
      if (answer != null) {
        answer.complete(message);
      }
    }
  }

  /** Opens {@code url} in the page. */
  public void open(String url) throws Exception {
    call("Page.navigate", Map.of("url", url));
  }

  /** The value of a JavaScript expression in the page, as JSON (strings, numbers, booleans). */
  public JsonNode eval(String expression) throws Exception {
    JsonNode result =
        call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError(expression + " threw: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Lays the page out as on a screen {@code width} CSS pixels wide. */
  public void resize(int width, int height) throws Exception {
    call(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  /** Saves the whole page (not only the window), as laid out, as a PNG. */
  public void screenshot(Path png) throws Exception {
    // no scrollbar: the page grown to its full height must keep the width it was measured at
    call("Emulation.setScrollbarsHidden", Map.of("hidden", true));
    JsonNode size =
        eval(
            "({width: document.documentElement.scrollWidth,"
                + " height: document.documentElement.scrollHeight})");
    Map<String, Object> clip =
        Map.of(
            "x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
    JsonNode shot =
        call(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  /**
   * Stops Chromium and the processes it started (zygotes, renderers, the storage service), and
   * waits for each: the test deletes the profile next, and a child still writing to it made that
   * fail ("Failed to delete temp directory ... profile/Default").
   */
  @Override
  public void close() throws Exception {
    socket.abort();
    List<ProcessHandle> children = process.descendants().toList(); // before they are orphaned
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    children.forEach(ProcessHandle::destroy);
    for (ProcessHandle child : children) {
      try {
        child.onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        child.destroyForcibly();
        child.onExit().get(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Collects each message's fragments, hands whole messages on. */
  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Consumer<JsonNode> messages;
    private final StringBuilder text = new StringBuilder();

    Listener(java.util.function.Consumer<JsonNode> messages) {
      this.messages = messages;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String whole = text.toString();
        text.setLength(0);
        try {
          messages.accept(TestJson.read(whole));
        } catch (RuntimeException e) {
          // an event we do not read
        }
      }
      socket.request(1);
      return null;
    }
  }
}
