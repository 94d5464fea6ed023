package dev.bluegreen.e2e;

import dev.bluegreen.watcher.browser.Chromium;
import java.nio.file.Path;

/**
 * The watcher's status page as a person watching the drill sees it: headless Chromium on {@code /},
 * read through the DOM after the page's scripts rendered what {@code /events} streamed.
 */
final class StatusPageWatch implements AutoCloseable {
  /** Where the drill's screenshots go: the build output. */
  static final Path SHOTS = Path.of("target/status-page");

  private static final String SERVING =
      "document.body && document.body.dataset.updates"
          + " ? document.getElementById('serving-pool').textContent : ''";

  private final Chromium browser;
  private boolean closed;

  StatusPageWatch(Path profile, int watcherPort) throws Exception {
    browser = Chromium.start(profile, 1100, 1300);
    browser.open("http://127.0.0.1:" + watcherPort + "/");
  }

  /** The serving pool the page shows, or "" before its first snapshot. */
  String serving() {
    return eval(SERVING);
  }

  /** How many alerts of {@code kind} (its wire name) the page's alert timeline lists. */
  int alerts(String kind) {
    return Integer.parseInt(
        eval(
            "String(Array.from(document.querySelectorAll('#timeline li'))"
                + ".filter(li => li.dataset.kind === '"
                + kind
                + "').length)"));
  }

  /** The text of the element {@code id}. */
  String text(String id) {
    return eval("document.getElementById('" + id + "').textContent");
  }

  void screenshot(String name) throws Exception {
    browser.screenshot(SHOTS.resolve(name));
  }

  private String eval(String expression) {
    try {
      return browser.eval(expression).asText("");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Closes the browser; again: nothing. */
  @Override
  public void close() throws Exception {
    if (!closed) {
      closed = true;
      browser.close();
    }
  }
}
