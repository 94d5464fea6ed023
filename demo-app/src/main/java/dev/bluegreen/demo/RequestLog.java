package dev.bluegreen.demo;

import java.time.Instant;
import java.util.function.Consumer;

/** Writes one JSON line per request, carrying Nginx's X-Request-ID for tracing. */
final class RequestLog {
  private final DemoSettings settings;
  private final Consumer<String> out;

  RequestLog(DemoSettings settings, Consumer<String> out) {
    this.settings = settings;
    this.out = out;
  }

  void request(
      String method, String path, int status, long millis, String requestId, String chaos) {
    out.accept(
        "{\"time\":\""
            + Instant.now()
            + "\",\"pool\":"
            + quote(settings.pool())
            + ",\"release\":"
            + quote(settings.release())
            + ",\"method\":"
            + quote(method)
            + ",\"path\":"
            + quote(path)
            + ",\"status\":"
            + status
            + ",\"duration_ms\":"
            + millis
            + ",\"request_id\":"
            + (requestId == null ? "null" : quote(requestId))
            + ",\"chaos\":"
            + quote(chaos)
            + "}");
  }

  void event(String message) {
    out.accept(
        "{\"time\":\""
            + Instant.now()
            + "\",\"pool\":"
            + quote(settings.pool())
            + ",\"release\":"
            + quote(settings.release())
            + ",\"event\":"
            + quote(message)
            + "}");
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
