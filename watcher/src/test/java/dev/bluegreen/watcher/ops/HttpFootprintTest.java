package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.FreshJvm;
import dev.bluegreen.watcher.time.Timing;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server is small: a fresh JVM that starts it and answers one request loads no server
 * library (Jetty loaded 418 classes, about 13 MB of an idle watcher's RSS), no JMX, and few classes
 * in all. Checked by the classes loaded, as StartUpTest does.
 */
class HttpFootprintTest {
  /**
   * Classes the server and one request may load, after logging (measured: 212; Jetty: 418 more).
   */
  private static final int MAX_CLASSES = 300;

  private static final List<String> HEAVY =
      List.of(
          " org.eclipse.jetty.",
          " io.netty.",
          " io.undertow.",
          " org.apache.catalina.",
          " sun.net.httpserver.",
          " java.lang.management.ManagementFactory ");

  @Test
  void theServerAnswersLoadingNoServerLibraryAndFewClasses() throws Exception {
    String output = FreshJvm.run(ServesOnce.class);

    assertThat(output).contains("answered HTTP/1.1 200 OK");
    List<String> loaded = output.lines().filter(line -> line.contains("[class,load]")).toList();
    int first = indexOf(loaded, " dev.bluegreen.watcher.ops.BoundedHttp ");
    assertThat(first).as("the check sees class loading").isNotNegative();
    for (String heavy : HEAVY) {
      assertThat(loaded).as("nothing of %s", heavy).noneMatch(line -> line.contains(heavy));
    }
    List<String> server =
        loaded.subList(first, loaded.size()).stream()
            .filter(line -> !line.contains(" ch.qos.logback.") && !line.contains(" org.slf4j."))
            .toList();
    System.out.printf(
        "HttpFootprintTest: %d classes for the server and a request%n", server.size());
    assertThat(server.size())
        .as("classes loaded by the server and one request")
        .isLessThan(MAX_CLASSES);
  }

  private static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  /** A process that starts the watcher's HTTP server, asks it one request and stops it. */
  static final class ServesOnce {
    public static void main(String[] args) throws Exception {
      // the watcher's logging and clock are loaded before the server, as in watcher run
      LoggerFactory.getLogger(ServesOnce.class).info("starting {}", Timing.SYSTEM.now());
      try (BoundedHttp server =
              BoundedHttp.start(
                  "127.0.0.1",
                  0,
                  exchange ->
                      exchange.respond(
                          Response.of(200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8))),
                  Timing.SYSTEM);
          Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(
            "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        System.out.println("answered " + answer.lines().findFirst().orElse(""));
      }
    }
  }
}
