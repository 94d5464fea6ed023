package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.browser.Chromium;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real browser (headless Chromium): after its scripts ran and the event stream
 * delivered, the DOM shows the serving pool change and the failover alert a log line caused, every
 * state as text; it fits 360 px; screenshots go to target/.
 */
class StatusPageBrowserTest {
  private static final Path SHOTS = Path.of("target/status-page");

  /** The serving pool's text once the page rendered a snapshot, else null. */
  private static final String SERVING =
      "document.body && document.body.dataset.updates ? document.getElementById('serving-pool').textContent : null";

  private static final String FAILOVER_SHOWN =
      "Array.from(document.querySelectorAll('#timeline li'))"
          + ".some(li => li.dataset.kind === 'failover')";

  @TempDir Path dir;

  private LivePage page;
  private Chromium browser;

  @BeforeEach
  void start() throws Exception {
    page = new LivePage(dir);
    browser = Chromium.start(dir.resolve("profile"), 1100, 1400);
  }

  @AfterEach
  void stop() throws Exception {
    browser.close();
    page.close();
  }

  private String text(String id) throws Exception {
    return browser.eval("document.getElementById('" + id + "').textContent").asText();
  }

  @Test
  void aFailoverInTheLogChangesTheServingPoolAndAddsTheAlertOnThePage() throws Exception {
    page.blue();
    Await.until("the blue lines read", () -> page.watcher.status().lines() == LivePage.BLUE_LINES);
    browser.open(page.url("/"));
    Await.until("the page shows blue serving", () -> "blue".equals(eval(SERVING)));
    assertThat(text("serving-state")).isEqualTo("as expected");
    assertThat(text("conn")).isEqualTo("live");
    assertThat(browser.eval(FAILOVER_SHOWN).asBoolean()).isFalse();

    long appended = System.nanoTime();
    page.failover();
    Await.until("the page shows green serving", () -> "green".equals(eval(SERVING)));
    long shownMillis = (System.nanoTime() - appended) / 1_000_000;
    Await.until("the page shows the failover alert", () -> "true".equals(eval(FAILOVER_SHOWN)));
    Await.until(
        "the console's delivery shown",
        () ->
            String.valueOf(eval("document.getElementById('timeline').textContent"))
                .contains("console: ✓ delivered"));
    System.out.printf(
        "status page: from the log lines to the browser showing green: %d ms%n", shownMillis);

    assertThat(text("serving-state")).isEqualTo("FAILED OVER: not the primary");
    assertThat(text("primary-pool")).isEqualTo("blue");
    assertThat(text("release")).isEqualTo("v1.0.0-green");
    assertThat(text("episodes")).contains("failover", "warning");
    assertThat(text("timeline")).contains("FAILOVER  traffic moved from blue to green");
    assertThat(text("legend")).contains("error hidden by a retry", "error seen by the client");
    assertThat(text("health")).isEqualTo("ok");
    // the last lines' snapshot follows within the publishing interval (200 ms while busy)
    Await.until(
        "the strip holding every line",
        () ->
            String.valueOf(LivePage.BLUE_LINES + 60)
                .equals(eval("String(document.querySelectorAll('#strip .cell').length)")));
    assertThat(browser.eval("document.querySelectorAll('#error-spark polyline').length").asInt())
        .isEqualTo(1);
    browser.screenshot(SHOTS.resolve("failover.png"));

    browser.resize(360, 800);
    assertThat(browser.eval("document.documentElement.scrollWidth").asInt())
        .as("no sideways scrolling at 360 px")
        .isLessThanOrEqualTo(360);
    browser.screenshot(SHOTS.resolve("failover-360.png"));
  }

  private Object eval(String expression) {
    try {
      return browser.eval(expression).asText(null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
