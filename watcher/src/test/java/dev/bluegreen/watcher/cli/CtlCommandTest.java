package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code watcher ctl} against a stand-in admin endpoint that answers a scripted status and records
 * the token it was sent.
 */
class CtlCommandTest {
  private static final String STATUS =
      "{\"maintenance\":true,\"active_pool\":\"blue\",\"serving_pool\":\"blue\","
          + "\"announced_pool\":\"blue\",\"lines\":5,\"notice\":\"held\"}";

  @TempDir Path dir;
  private HttpServer admin;
  private volatile long lines;
  private volatile String authorization;
  private volatile String probes = "[]";

  @BeforeEach
  void standInAdmin() throws IOException {
    admin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    admin.createContext(
        "/admin/status",
        exchange -> {
          byte[] body =
              ("{\"maintenance\":false,\"active_pool\":\"blue\",\"serving_pool\":\"green\","
                      + "\"announced_pool\":\"blue\","
                      + "\"lines\":"
                      + lines
                      + ",\"probes\":"
                      + probes
                      + "}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    admin.createContext(
        "/admin/maintenance",
        exchange -> {
          authorization = exchange.getRequestHeaders().getFirst("Authorization");
          byte[] body = STATUS.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    admin.start();
  }

  private String port() {
    return Integer.toString(admin.getAddress().getPort());
  }

  @Test
  void aChangeCarriesTheTokenFoundBesideTheStateFile() throws IOException {
    Files.writeString(dir.resolve("admin-token"), "token-beside-the-state-file\n");

    Cli.Result result =
        Cli.run(
            Map.of("HTTP_PORT", port(), "STATE_FILE", dir.resolve("state.json").toString()),
            "ctl",
            "maintenance",
            "on");

    assertThat(result.exitCode()).isZero();
    assertThat(authorization).isEqualTo("Bearer token-beside-the-state-file");
    assertThat(result.out()).contains("its notice is held");
  }

  @Test
  void adminTokenWinsOverTheFile() {
    Cli.Result result =
        Cli.run(
            Map.of(
                "HTTP_PORT",
                port(),
                "ADMIN_TOKEN",
                "token-from-the-environment",
                "ADMIN_TOKEN_FILE",
                dir.resolve("absent").toString()),
            "ctl",
            "maintenance",
            "off");

    assertThat(result.exitCode()).isZero();
    assertThat(authorization).isEqualTo("Bearer token-from-the-environment");
  }

  @Test
  void withoutATokenCtlSaysWhereItLookedAndSendsNothing() {
    Path missing = dir.resolve("admin-token");

    Cli.Result result =
        Cli.run(
            Map.of("HTTP_PORT", port(), "ADMIN_TOKEN_FILE", missing.toString()),
            "ctl",
            "maintenance",
            "on");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("no admin token").contains(missing.toString());
    assertThat(authorization).isNull();
  }

  @AfterEach
  void stop() {
    admin.stop(0);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0, 0 lines read", "1, 1 line read", "2, 2 lines read", "1000, 1000 lines read"})
  void statusCountsLinesInTheRightNumber(long read, String said) {
    lines = read;

    Cli.Result result =
        Cli.run(
            Map.of("HTTP_PORT", Integer.toString(admin.getAddress().getPort())), "ctl", "status");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "maintenance off, active pool blue, serving green, announced blue, " + said);
  }

  @Test
  void statusListsTheProbedPools() {
    probes =
        "[{\"pool\":\"blue\",\"url\":\"http://b/\",\"state\":\"up\",\"serving\":true,"
            + "\"failures_in_row\":0,\"last_error\":null,\"last_check\":\"2026-12-01T05:00:00Z\"},"
            + "{\"pool\":\"green\",\"url\":\"http://g/\",\"state\":\"down\",\"serving\":false,"
            + "\"failures_in_row\":3,\"last_error\":\"HTTP 500\","
            + "\"last_check\":\"2026-12-01T05:00:00Z\"}]";

    Cli.Result result = Cli.run(Map.of("HTTP_PORT", port()), "ctl", "status");

    assertThat(result.outLines())
        .contains("probes: blue up (serving), green down: 3 failed in a row, last HTTP 500");
  }
}
