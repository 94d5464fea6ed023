package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessEventTest {

  private static AccessEvent event(int status, int attempts, int upstream5xx) {
    return new AccessEvent(0L, status, "blue", "v1", "a:1", attempts, upstream5xx, 1);
  }

  @ParameterizedTest(name = "[{index}] status {0}, {2} of {1} attempts 5xx")
  @CsvSource({
    // status, attempts, 5xx, client error, hidden error
    "200, 1, 0, false, false",
    "200, 2, 1, false, true",
    "404, 2, 1, false, true",
    "499, 1, 1, false, true",
    "500, 0, 0, true, false",
    "502, 2, 2, true, false",
    "503, 2, 1, true, false",
    "599, 1, 1, true, false",
    "600, 1, 1, false, true",
    "304, 0, 0, false, false",
  })
  void tellsClientErrorsFromErrorsNginxHidByRetrying(
      int status, int attempts, int upstream5xx, boolean clientError, boolean hiddenError) {
    AccessEvent event = event(status, attempts, upstream5xx);

    assertThat(event.clientError()).as("clientError").isEqualTo(clientError);
    assertThat(event.hiddenError()).as("hiddenError").isEqualTo(hiddenError);
  }

  @Test
  void hasNoTimeOnlyForTheNoTimeMarker() {
    assertThat(new AccessEvent(AccessEvent.NO_TIME, 200, null, null, null, 0, 0, -1).hasTime())
        .isFalse();
    assertThat(new AccessEvent(0L, 200, null, null, null, 0, 0, -1).hasTime()).isTrue();
    assertThat(new AccessEvent(-1L, 200, null, null, null, 0, 0, -1).hasTime()).isTrue();
  }
}
