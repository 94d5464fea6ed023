package dev.bluegreen.watcher.ops;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole answer: status, header fields in the order written (the server adds Date, Content-Length
 * and Connection) and the body.
 */
record Response(int status, Map<String, String> headers, byte[] body) {
  Response {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A body of {@code type}, with no other header. */
  static Response of(int status, String type, byte[] body) {
    return new Response(status, Map.of("Content-Type", type), body);
  }

  /**
   * {@code {"error":"reason"}}, written by hand for the server's own refusals: {@code reason} is
   * one of its constant texts, holding no quote or backslash.
   */
  static Response error(int status, String reason) {
    byte[] body = ("{\"error\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8);
    return of(status, "application/json", body);
  }
}
