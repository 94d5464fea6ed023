package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.ops.RequestParser.Complete;
import dev.bluegreen.watcher.ops.RequestParser.Incomplete;
import dev.bluegreen.watcher.ops.RequestParser.Parsed;
import dev.bluegreen.watcher.ops.RequestParser.Refused;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The request parser on bytes as they may arrive: whole, split anywhere, pipelined, oversized,
 * malformed; every refusal with the status a client gets.
 */
class RequestParserTest {
  private static final int MAX = 8 * 1024;

  private static final String HEALTHZ =
      "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:9180\r\nUser-Agent: curl/8\r\nAccept: */*\r\n\r\n";

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static Parsed parse(String text) {
    byte[] bytes = ascii(text);
    return RequestParser.parse(bytes, 0, bytes.length, MAX);
  }

  private static Request request(String text) {
    Parsed parsed = parse(text);
    assertThat(parsed).isInstanceOf(Complete.class);
    return ((Complete) parsed).request();
  }

  @Test
  void aWholeRequestGivesItsMethodPathQueryAndHeadersByLowerCaseName() {
    Parsed parsed =
        parse(
            "POST /admin/maintenance?on=true HTTP/1.1\r\nHOST: localhost:9180\r\n"
                + "Authorization: Bearer x\r\nX-Twice: a\r\nx-twice: b\r\n\r\n");

    Complete complete = (Complete) parsed;
    Request request = complete.request();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/admin/maintenance");
    assertThat(request.query()).isEqualTo("on=true");
    assertThat(request.version()).isEqualTo("HTTP/1.1");
    assertThat(request.header("host")).isEqualTo("localhost:9180");
    assertThat(request.header("authorization")).isEqualTo("Bearer x");
    assertThat(request.header("x-twice")).isEqualTo("a, b");
    assertThat(request.header("origin")).isNull();
    assertThat(complete.bodyBytes()).isZero();
    assertThat(request(HEALTHZ).query()).as("no question mark").isNull();
  }

  @Test
  void aRequestSplitAnywhereIsIncompleteUntilItsLastByte() {
    byte[] bytes = ascii(HEALTHZ);
    for (int split = 0; split < bytes.length; split++) {
      assertThat(RequestParser.parse(bytes, 0, split, MAX))
          .as("%d bytes", split)
          .isInstanceOf(Incomplete.class);
    }
    Complete complete = (Complete) RequestParser.parse(bytes, 0, bytes.length, MAX);
    assertThat(complete.headBytes()).isEqualTo(bytes.length);
    assertThat(complete.request().header("user-agent")).isEqualTo("curl/8");
  }

  @Test
  void pipelinedRequestsAreReadOneAfterTheOtherWithTheirBodies() {
    String first =
        "POST /admin/maintenance?on=true HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n";
    String second = "GET /metrics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
    byte[] bytes = ascii(first + "hello" + second);

    Complete one = (Complete) RequestParser.parse(bytes, 0, bytes.length, MAX);
    int next = one.headBytes() + (int) one.bodyBytes();
    Complete two = (Complete) RequestParser.parse(bytes, next, bytes.length, MAX);

    assertThat(one.headBytes()).isEqualTo(first.length());
    assertThat(one.bodyBytes()).isEqualTo(5);
    assertThat(one.request().path()).isEqualTo("/admin/maintenance");
    assertThat(two.request().path()).isEqualTo("/metrics");
    assertThat(two.request().keepAlive()).isFalse();
    assertThat(next + two.headBytes()).isEqualTo(bytes.length);
  }

  @Test
  void headersBeyondTheLimitAre431WhetherOrNotTheirEndArrived() {
    String big = "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "a".repeat(MAX) + "\r\n\r\n";
    String endless = "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "a".repeat(MAX);
    String fits = "GET / HTTP/1.1\r\nHost: a\r\nX-Big: ";
    fits = fits + "a".repeat(MAX - fits.length() - 4) + "\r\n\r\n";

    assertThat(parse(big))
        .isEqualTo(new Refused(431, "the request line and headers are at most 8192 bytes"));
    assertThat(parse(endless)).extracting(p -> ((Refused) p).status()).isEqualTo(431);
    assertThat(fits).hasSize(MAX);
    assertThat(parse(fits)).isInstanceOf(Complete.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GARBAGE\\r\\n\\r\\n                                                      | 400",
        "GET /healthz\\r\\n\\r\\n                                                 | 505",
        "GET /healthz HTTP/2.0\\r\\nHost: a\\r\\n\\r\\n                           | 505",
        "GET /healthz HTTP/1.1 extra\\r\\nHost: a\\r\\n\\r\\n                     | 400",
        "GET  /healthz HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                          | 400",
        "GET /healthz http/1.1\\r\\nHost: a\\r\\n\\r\\n                           | 400",
        "GET http://a/healthz HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                   | 400",
        "G(T /healthz HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                           | 400",
        "GET /healthz HTTP/1.1\\r\\n\\r\\n                                        | 400",
        "GET /healthz HTTP/1.1\\r\\nHost: a\\r\\nHost: b\\r\\n\\r\\n               | 400",
        "GET /healthz HTTP/1.1\\r\\nHost : a\\r\\n\\r\\n                          | 400",
        "GET /healthz HTTP/1.1\\r\\nHost: a\\r\\nX-A: 1\\r\\n folded\\r\\n\\r\\n   | 400",
        "GET /healthz HTTP/1.1\\r\\nHost: a\\r\\nX-A: \\u0001\\r\\n\\r\\n         | 400",
        "GET /healthz HTTP/1.1\\r\\nHost: a\\r\\nNo colon\\r\\n\\r\\n             | 400",
        "POST / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 5\\r\\nContent-Length: 6\\r\\n\\r\\n | 400",
        "POST / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: -1\\r\\n\\r\\n          | 400",
        "POST / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 8193\\r\\n\\r\\n        | 413",
        "POST / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n  | 411",
        "POST / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: gzip\\r\\nContent-Length: 3\\r\\n\\r\\n | 411",
      })
  void badRequestsAreRefusedWithTheirStatus(String text, int status) {
    Parsed parsed = parse(unescape(text));

    assertThat(parsed).isInstanceOf(Refused.class);
    assertThat(((Refused) parsed).status()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET /healthz HTTP/1.0\\r\\n\\r\\n                                          | /healthz",
        "GET /healthz HTTP/1.1\\nHost: a\\n\\n                                      | /healthz",
        "\\r\\nGET /metrics HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                       | /metrics",
        "OPTIONS * HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                                | *",
        "get /health%7A?x=%20 HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                     | /health%7A",
        "POST / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 3, 3\\r\\n\\r\\n          | /",
        "POST / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 3\\r\\nContent-Length: 3\\r\\n\\r\\n | /",
      })
  void lenientWhereItIsSafe(String text, String path) {
    assertThat(request(unescape(text)).path()).isEqualTo(path);
  }

  @ParameterizedTest(name = "{0} Connection: {1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "HTTP/1.1, -,                  true",
        "HTTP/1.1, close,              false",
        "HTTP/1.1, 'Upgrade, Close',   false",
        "HTTP/1.1, keep-alive,         true",
        "HTTP/1.0, -,                  false",
        "HTTP/1.0, Keep-Alive,         true",
      })
  void keepAliveFollowsTheVersionAndTheConnectionHeader(
      String version, String connection, boolean keepAlive) {
    String head = "GET / " + version + "\r\nHost: a\r\n";
    if (connection != null) {
      head += "Connection: " + connection + "\r\n";
    }
    assertThat(request(head + "\r\n").keepAlive()).isEqualTo(keepAlive);
  }

  @Test
  void theContinueExpectationIsSeen() {
    String head = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 100-Continue\r\n\r\n";
    assertThat(request(head).expectsContinue()).isTrue();
    assertThat(request(HEALTHZ).expectsContinue()).isFalse();
  }

  private static String unescape(String text) {
    return text.strip().replace("\\r", "\r").replace("\\n", "\n").replace("\\u0001", "\u0001");
  }
}
