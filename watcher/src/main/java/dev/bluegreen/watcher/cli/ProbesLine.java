package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How {@code watcher ctl status} shows /admin/status's {@code probes} in one line. */
final class ProbesLine {
  private static final JsonObject EMPTY = new JsonObject(Map.of());

  private ProbesLine() {}

  /** {@code blue up (serving), green down: 3 failed in a row, last HTTP 500}. */
  static String of(List<?> probes) {
    List<String> each = new ArrayList<>();
    for (Object element : probes) {
      JsonObject probe = element instanceof Map<?, ?> ? JsonObject.of(element) : EMPTY;
      String state = StatusField.text(probe, "state");
      each.add(
          StatusField.text(probe, "pool")
              + " "
              + state
              + (StatusField.bool(probe, "serving") ? " (serving)" : "")
              + (state.equals("down")
                  ? ": "
                      + StatusField.number(probe, "failures_in_row")
                      + " failed in a row, last "
                      + StatusField.text(probe, "last_error")
                  : ""));
    }
    return String.join(", ", each);
  }
}
