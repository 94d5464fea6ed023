package dev.bluegreen.watcher.ops;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one request head from bytes, pure (no I/O, no state): given what arrived so far, the head
 * is {@link Incomplete}, {@link Complete} (the request, how many bytes its head took and how many
 * body bytes follow, so pipelined requests stay in the buffer), or {@link Refused} with the status
 * to answer before closing. Rules, strictest where a lax reading could let one request be read as
 * two (request smuggling):
 *
 * <ul>
 *   <li>request line and headers at most {@code maxHead} bytes, else 431; empty lines before the
 *       request line are skipped; lines end in CRLF or a bare LF;
 *   <li>only {@code HTTP/1.0} and {@code HTTP/1.1} (505 for other versions), only origin-form
 *       targets ({@code /path?query}) or {@code *}: no absolute URL, whose authority could disagree
 *       with the Host the admin check reads (400);
 *   <li>HTTP/1.1 needs one Host (400); no folded lines, no space before a colon, no control
 *       characters (400); differing Content-Lengths are 400;
 *   <li>a body is announced by Content-Length only and at most {@link #MAX_BODY_BYTES} (413): any
 *       Transfer-Encoding (chunked bodies) is refused with 411, as no route reads a body.
 * </ul>
 */
final class RequestParser {
  /**
   * Body bytes a request may carry (read and discarded: the routes take their input in the URL).
   */
  static final int MAX_BODY_BYTES = 8 * 1024;

  /** What the bytes so far hold. */
  sealed interface Parsed permits Incomplete, Complete, Refused {}

  /** The head has not fully arrived; read more. */
  record Incomplete() implements Parsed {}

  /** A whole head: {@code headBytes} of the input, then {@code bodyBytes} of body to skip. */
  record Complete(Request request, int headBytes, long bodyBytes) implements Parsed {}

  /** A request not to serve: answer {@code status} and close. */
  record Refused(int status, String reason) implements Parsed {}

  private static final Incomplete INCOMPLETE = new Incomplete();

  private RequestParser() {}

  /** Parses {@code bytes[from, to)}, which start where a request starts. */
  static Parsed parse(byte[] bytes, int from, int to, int maxHead) {
    int start = from;
    while (start < to && (bytes[start] == '\r' || bytes[start] == '\n')) {
      start++; // a stray CRLF between requests (after a body) is no request
    }
    int limit = Math.min(to, from + maxHead);
    int end = headEnd(bytes, start, limit);
    if (end < 0) {
      return to - from >= maxHead ? tooLarge(maxHead) : INCOMPLETE;
    }
    String[] lines = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1).split("\n");
    Parsed parsed = parseHead(lines);
    if (parsed instanceof Complete whole) {
      return new Complete(whole.request(), end - from, whole.bodyBytes());
    }
    return parsed;
  }

  /** The index just past the empty line ending the head, or -1 if it is not within the limit. */
  private static int headEnd(byte[] bytes, int start, int limit) {
    for (int i = start; i < limit; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      if (i + 1 < limit && bytes[i + 1] == '\n') {
        return i + 2;
      }
      if (i + 2 < limit && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
        return i + 3;
      }
    }
    return -1;
  }

  private static Parsed parseHead(String[] lines) {
    String[] first = stripCr(lines[0]).split(" ", -1);
    if (first.length == 2 && isToken(first[0])) {
      return new Refused(505, "HTTP/0.9 is not supported");
    }
    if (first.length != 3 || !isToken(first[0])) {
      return badRequest("a request line is METHOD TARGET HTTP/1.1");
    }
    String method = first[0];
    String target = first[1];
    String version = first[2];
    if (!version.equals(Request.HTTP_1_1) && !version.equals(Request.HTTP_1_0)) {
      return version.matches("HTTP/[0-9]\\.[0-9]")
          ? new Refused(505, "only HTTP/1.0 and HTTP/1.1 are supported")
          : badRequest("a request line ends in HTTP/1.1");
    }
    if (!(target.startsWith("/") || target.equals("*")) || !isVisible(target)) {
      return badRequest("the target is a path, such as /healthz");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String line = stripCr(lines[i]);
      if (line.isEmpty()) {
        break; // the end of the head
      }
      Refused refused = addField(headers, line);
      if (refused != null) {
        return refused;
      }
    }
    return complete(method, target, version, headers);
  }

  private static Parsed complete(
      String method, String target, String version, Map<String, String> headers) {
    if (version.equals(Request.HTTP_1_1) && !headers.containsKey("host")) {
      return badRequest("no Host header");
    }
    if (headers.containsKey("transfer-encoding")) {
      return new Refused(411, "send a body with Content-Length: chunked bodies are not accepted");
    }
    long length = 0;
    String declared = headers.get("content-length");
    if (declared != null) {
      length = contentLength(declared);
      if (length < 0) {
        return badRequest("a bad Content-Length");
      }
      if (length > MAX_BODY_BYTES) {
        return new Refused(413, "a request body is at most " + MAX_BODY_BYTES + " bytes");
      }
    }
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? null : target.substring(question + 1);
    return new Complete(new Request(method, path, query, version, headers), 0, length);
  }

  /** Adds one {@code name: value} line; a refusal when the line is malformed. */
  private static Refused addField(Map<String, String> headers, String line) {
    int colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.substring(0, colon))) {
      return badRequest("a malformed header line"); // also folded lines and "Name : value"
    }
    String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
    String value = line.substring(colon + 1).strip();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return badRequest("a control character in a header");
      }
    }
    String before = headers.get(name);
    if (before == null) {
      headers.put(name, value);
    } else if (name.equals("host")) {
      return badRequest("more than one Host header");
    } else if (name.equals("content-length")) {
      if (contentLength(before) != contentLength(value)) {
        return badRequest("Content-Length headers that differ");
      }
    } else {
      headers.put(name, before + ", " + value);
    }
    return null;
  }

  /** The length a Content-Length value declares (a list of equal values counts once); -1 if bad. */
  private static long contentLength(String value) {
    long length = -1;
    for (String part : value.split(",", -1)) {
      String digits = part.strip();
      if (digits.isEmpty()
          || digits.length() > 18
          || !digits.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      long one = Long.parseLong(digits);
      if (length >= 0 && one != length) {
        return -1;
      }
      length = one;
    }
    return length;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** An RFC 9110 token: what a method or a header name may be. */
  private static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII without spaces: what a request target may hold. */
  private static boolean isVisible(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) <= 0x20 || text.charAt(i) >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Refused tooLarge(int maxHead) {
    return new Refused(431, "the request line and headers are at most " + maxHead + " bytes");
  }

  private static Refused badRequest(String reason) {
    return new Refused(400, reason);
  }
}
