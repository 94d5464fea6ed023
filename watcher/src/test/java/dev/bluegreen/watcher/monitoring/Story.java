package dev.bluegreen.watcher.monitoring;

import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Access-log lines in the sandbox's format, stamped with the wall clock as Nginx stamps them: blue
 * serving, a failover to green (blue's 502 retried on green, then green serving), and blue back.
 * Few lines, so the error rate never reaches MIN_REQUESTS: only pool alerts come of them.
 */
final class Story {
  private static final DateTimeFormatter NGINX_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private int requests;

  /** Blue serves, then fails: Nginx retries on green, which serves from then on. */
  List<String> failover() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      lines.add(line("blue", "200", "10.0.0.2:3000"));
    }
    lines.add(line("green", "502, 200", "10.0.0.2:3000, 10.0.0.3:3000"));
    for (int i = 0; i < 3; i++) {
      lines.add(line("green", "200", "10.0.0.3:3000"));
    }
    return lines;
  }

  /** Blue serves again, long enough (3 requests in a row) to count as back. */
  List<String> recovery() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      lines.add(line("blue", "200", "10.0.0.2:3000"));
    }
    return lines;
  }

  /** Appends {@code lines} to each log in one write, as a burst of requests reaches every host. */
  static void append(List<String> lines, Path... logs) throws IOException {
    for (Path log : logs) {
      Files.write(log, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  private String line(String pool, String upstreamStatus, String upstreamAddr) {
    requests++;
    String release = "v1.0.0-" + pool;
    return "127.0.0.1 - - ["
        + NGINX_TIME.format(Timing.SYSTEM.now())
        + "] \"GET /version HTTP/1.1\" status=200 body_bytes=57 pool="
        + pool
        + " release="
        + release
        + " upstream_status="
        + upstreamStatus
        + " upstream_addr="
        + upstreamAddr
        + " request_time=0.004 upstream_response_time=0.004 request_id=req-"
        + requests;
  }
}
