package dev.bluegreen.watcher.ops;

import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request's head as {@link RequestParser} read it: the method as sent (case kept), the
 * path and query as sent (never decoded: routes match the raw path), the version, and the header
 * fields by lower-case name (repeated fields joined with ", "). The body is never kept: no route
 * reads one.
 */
record Request(
    String method, String path, String query, String version, Map<String, String> headers) {
  static final String HTTP_1_0 = "HTTP/1.0";
  static final String HTTP_1_1 = "HTTP/1.1";

  Request {
    headers = Map.copyOf(headers);
  }

  /** The field's value ({@code name} in lower case), or null when the request has none. */
  String header(String name) {
    return headers.get(name);
  }

  /**
   * Whether the connection stays open after the answer: HTTP/1.1 unless the client said {@code
   * Connection: close}; HTTP/1.0 only when it said {@code Connection: keep-alive}.
   */
  boolean keepAlive() {
    String connection = header("connection");
    if (version.equals(HTTP_1_0)) {
      return hasToken(connection, "keep-alive");
    }
    return !hasToken(connection, "close");
  }

  /** Whether the client waits for {@code 100 Continue} before it sends its body. */
  boolean expectsContinue() {
    String expect = header("expect");
    return expect != null && expect.equalsIgnoreCase("100-continue");
  }

  /** HEAD: answered with the headers a GET would get, and no body. */
  boolean head() {
    return method.equals("HEAD");
  }

  private static boolean hasToken(String field, String token) {
    if (field == null) {
      return false;
    }
    for (String part : field.split(",")) {
      if (part.strip().toLowerCase(Locale.ROOT).equals(token)) {
        return true;
      }
    }
    return false;
  }
}
