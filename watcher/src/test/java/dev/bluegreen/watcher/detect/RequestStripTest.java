package dev.bluegreen.watcher.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.detect.RequestStrip.Cell;
import dev.bluegreen.watcher.parse.AccessEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each request's cell on the status page's strip, and the strip as a window of the last N. */
class RequestStripTest {
  private static final int SLOW_MILLIS = 1000;

  private static AccessEvent request(int status, int upstream5xx, int millis) {
    return new AccessEvent(
        0, status, "blue", "v1", "10.0.0.2:3000", 1 + upstream5xx, upstream5xx, millis);
  }

  @ParameterizedTest(name = "status {0}, {1} failed attempts, {2} ms: {3}")
  @CsvSource({
    "200, 0,    4, OK",
    "404, 0,    4, OK", // the client's mistake, not the pool's
    "200, 0,  999, OK",
    "200, 0, 1000, SLOW", // at LATENCY_P99_MS counts as slow
    "200, 0,   -1, OK", // no $request_time logged
    "200, 1,    4, HIDDEN_ERROR",
    "200, 1, 1005, HIDDEN_ERROR", // a retried timeout: the error is the news, not the time
    "502, 0,    4, CLIENT_ERROR",
    "504, 2, 3000, CLIENT_ERROR", // the worst wins
  })
  void eachRequestIsTheWorstThingItWas(int status, int upstream5xx, int millis, Cell cell) {
    assertThat(Cell.of(request(status, upstream5xx, millis), SLOW_MILLIS)).isEqualTo(cell);
  }

  @Test
  void theStripHoldsTheLastRequestsOldestFirst() {
    RequestStrip strip = new RequestStrip(4, SLOW_MILLIS);
    assertThat(strip.encode()).isEmpty();

    strip.add(request(200, 0, 4));
    strip.add(request(502, 0, 4));
    assertThat(strip.encode()).isEqualTo("oe");

    strip.add(request(200, 1, 4));
    strip.add(request(200, 0, 2000));
    strip.add(request(200, 0, 4)); // the first leaves the window
    assertThat(strip.encode()).isEqualTo("ehso");
  }
}
