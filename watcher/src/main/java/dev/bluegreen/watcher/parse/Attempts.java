package dev.bluegreen.watcher.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts only lines that need them pay for: the failed attempts of a request an upstream
 * answered with 5xx, and its {@code $request_id}. Everything else parsed per line stays free of
 * allocation; these are built from positions the parser noted.
 */
final class Attempts {
  private Attempts() {}

  /**
   * The attempts of {@code $upstream_status} (from {@code ss} to {@code se}) that answered 5xx,
   * each with the address at the same position of {@code $upstream_addr} ({@code as} to {@code ae};
   * {@code as < 0} when not logged). Entries {@code -} (no status recorded) are skipped on both
   * sides alike.
   */
  static List<FailedAttempt> failed(byte[] b, int ss, int se, int as, int ae, Interner interner) {
    List<FailedAttempt> failed = new ArrayList<>(2);
    int s = ss;
    int a = as;
    while (s < se) {
      int sEnd = tokenEnd(b, s, se);
      int aEnd = a < 0 || a >= ae ? -1 : tokenEnd(b, a, ae);
      int status = Values.status(b, s, sEnd);
      if (status >= 500 && status <= 599) {
        String address =
            aEnd < 0 || (aEnd - a == 1 && b[a] == '-') ? null : interner.intern(b, a, aEnd);
        failed.add(new FailedAttempt(address, status));
      }
      s = next(b, sEnd, se);
      a = aEnd < 0 ? -1 : next(b, aEnd, ae);
    }
    return failed;
  }

  /** {@code $request_id}, or {@code null} when it is {@code -} or empty. */
  static String requestId(byte[] b, int s, int e, boolean jsonEscaped) {
    if (s >= e || (e - s == 1 && b[s] == '-')) {
      return null;
    }
    if (jsonEscaped && Bytes.indexOf(b, s, e, (byte) '\\') >= 0) {
      return Values.unescapeJson(b, s, e);
    }
    return new String(b, s, e - s, StandardCharsets.UTF_8); // unique per request: not interned
  }

  private static int tokenEnd(byte[] b, int i, int e) {
    while (i < e && b[i] != ',' && b[i] != ' ') {
      i++;
    }
    return i;
  }

  /** Past a {@code ", "} or {@code " : "} separator at {@code i}. */
  private static int next(byte[] b, int i, int e) {
    while (i < e && (b[i] == ',' || b[i] == ' ' || b[i] == ':')) {
      i++;
    }
    return i;
  }
}
