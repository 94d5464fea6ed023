package dev.bluegreen.watcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** How {@code watcher ctl status} shows /admin/status's {@code probes} in one line. */
final class ProbesLine {
  private ProbesLine() {}

  /** {@code blue up (serving), green down: 3 failed in a row, last HTTP 500}. */
  static String of(JsonNode probes) {
    List<String> each = new ArrayList<>();
    for (JsonNode probe : probes) {
      String state = probe.path("state").asText();
      each.add(
          probe.path("pool").asText()
              + " "
              + state
              + (probe.path("serving").asBoolean() ? " (serving)" : "")
              + (state.equals("down")
                  ? ": "
                      + probe.path("failures_in_row").asInt()
                      + " failed in a row, last "
                      + probe.path("last_error").asText()
                  : ""));
    }
    return String.join(", ", each);
  }
}
