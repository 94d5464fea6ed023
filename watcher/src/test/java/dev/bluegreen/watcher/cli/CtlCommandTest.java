package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code watcher ctl status} against a stand-in admin endpoint that answers a scripted status. */
class CtlCommandTest {
  private HttpServer admin;
  private volatile long lines;

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
                      + "}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    admin.start();
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
}
