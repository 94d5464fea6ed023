package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.ops.RequestCheck.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of request judged, row by row: route, method, client, Host, Origin, token. */
class RequestCheckTest {
  private static final String TOKEN = "token-0123456789abcdef";
  private final RequestCheck check = new RequestCheck("10.0.0.5", 9180, AdminToken.of(TOKEN));

  @ParameterizedTest(name = "{1} {0} loopback={2} Host={3} Origin={4} auth={5} -> {6}")
  @CsvSource(
      nullValues = "-",
      value = {
        // reads for probes and scrapers: any client, any Host
        "/healthz,            GET,    false, watcher:9180,     -,                   -,                 OK",
        "/metrics,            GET,    false, 10.1.2.3:9180,    -,                   -,                 OK",
        "/healthz,            HEAD,   true,  127.0.0.1:9180,   -,                   -,                 WRONG_METHOD",
        "/healthz,            POST,   true,  127.0.0.1:9180,   -,                   -,                 WRONG_METHOD",
        "/nowhere,            GET,    true,  127.0.0.1:9180,   -,                   -,                 NOT_FOUND",
        // ctl status: local, no token
        "/admin/status,       GET,    true,  127.0.0.1:9180,   -,                   -,                 OK",
        "/admin/status,       GET,    true,  localhost:9180,   -,                   -,                 OK",
        "/admin/status,       GET,    true,  [::1]:9180,       -,                   -,                 OK",
        "/admin/status,       GET,    true,  10.0.0.5:9180,    -,                   -,                 OK",
        "/admin/status,       GET,    true,  evil.example,     -,                   -,                 FOREIGN_HOST",
        "/admin/status,       GET,    false, 127.0.0.1:9180,   -,                   -,                 NOT_LOOPBACK",
        // changes: POST, local, no Origin, the token
        "/admin/maintenance,  POST,   true,  127.0.0.1:9180,   -,                   Bearer "
            + TOKEN
            + ", OK",
        "/admin/active-pool,  POST,   true,  LOCALHOST:9180,   -,                   Bearer "
            + TOKEN
            + ", OK",
        "/admin/maintenance,  GET,    true,  127.0.0.1:9180,   -,                   Bearer "
            + TOKEN
            + ", WRONG_METHOD",
        "/admin/maintenance,  PUT,    true,  127.0.0.1:9180,   -,                   Bearer "
            + TOKEN
            + ", WRONG_METHOD",
        "/admin/maintenance,  POST,   true,  127.0.0.1:9180,   -,                   -,                 NO_TOKEN",
        "/admin/maintenance,  POST,   true,  127.0.0.1:9180,   -,                   Basic abc,         NO_TOKEN",
        "/admin/maintenance,  POST,   true,  127.0.0.1:9180,   -,                   Bearer "
            + TOKEN
            + "x, WRONG_TOKEN",
        "/admin/maintenance,  POST,   true,  127.0.0.1:9180,   -,                   Bearer token-0123, WRONG_TOKEN",
        "/admin/maintenance,  POST,   true,  127.0.0.1:9180,   http://evil.example, Bearer "
            + TOKEN
            + ", ORIGIN_SENT",
        "/admin/maintenance,  POST,   true,  127.0.0.1:9180,   null,                Bearer "
            + TOKEN
            + ", ORIGIN_SENT",
        "/admin/maintenance,  POST,   true,  evil.example:9180, -,                  Bearer "
            + TOKEN
            + ", FOREIGN_HOST",
        "/admin/maintenance,  POST,   true,  127.0.0.1:9181,   -,                   Bearer "
            + TOKEN
            + ", FOREIGN_HOST",
        "/admin/maintenance,  POST,   true,  127.0.0.1,        -,                   Bearer "
            + TOKEN
            + ", FOREIGN_HOST",
        "/admin/maintenance,  POST,   true,  -,                -,                   Bearer "
            + TOKEN
            + ", FOREIGN_HOST",
        "/admin/maintenance,  POST,   false, 127.0.0.1:9180,   -,                   Bearer "
            + TOKEN
            + ", NOT_LOOPBACK",
      })
  void judges(
      String path,
      String method,
      boolean loopback,
      String host,
      String origin,
      String authorization,
      Verdict expected) {
    Route route = Route.of(path).orElse(null);

    assertThat(check.check(route, method, loopback, host, origin, authorization))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "bind {0} -> {1}")
  @CsvSource({
    "0.0.0.0, '127.0.0.1:9180,[::1]:9180,localhost:9180'",
    "::, '127.0.0.1:9180,[::1]:9180,localhost:9180'",
    "::1, '127.0.0.1:9180,[::1]:9180,localhost:9180'",
    "192.168.1.7, '127.0.0.1:9180,192.168.1.7:9180,[::1]:9180,localhost:9180'",
  })
  void theBoundAddressCountsUnlessItIsAWildcard(String bind, String hosts) {
    assertThat(RequestCheck.hosts(bind, 9180)).containsExactlyInAnyOrder(hosts.split(","));
  }
}
