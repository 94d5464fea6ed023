package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Shared helpers for the parser tests: building sandbox lines and parsing Strings as bytes; the
 * fixture logs' log_format, which the cli tests use too.
 */
public final class Lines {
  static final DateTimeFormatter TIME_LOCAL =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  /** The blue_green (key:value) format of the real fixture logs, as written in their nginx.conf. */
  public static final String BLUE_GREEN_DIRECTIVE =
      "log_format blue_green '$remote_addr - $remote_user [$time_local] '\n"
          + "                      '\"$request\" $status $body_bytes_sent '\n"
          + "                      'pool:$upstream_http_x_app_pool"
          + " release:$upstream_http_x_release_id '\n"
          + "                      'upstream_status:$upstream_status upstream:$upstream_addr '\n"
          + "                      'request_time:$request_time"
          + " upstream_response_time:$upstream_response_time';";

  private Lines() {}

  static byte[] utf8(String line) {
    return line.getBytes(StandardCharsets.UTF_8);
  }

  static Parsed parse(LineParser parser, String line) {
    byte[] bytes = utf8(line);
    return parser.parse(bytes, 0, bytes.length);
  }

  static Parsed parse(LineParser parser, byte[] line) {
    return parser.parse(line, 0, line.length);
  }

  static AccessEvent parseEvent(LineParser parser, String line) {
    Parsed parsed = parse(parser, line);
    assertThat(parsed).as("parsing %s", line).isInstanceOf(AccessEvent.class);
    return (AccessEvent) parsed;
  }

  static Malformed parseMalformed(LineParser parser, byte[] line) {
    Parsed parsed = parse(parser, line);
    assertThat(parsed)
        .as("parsing %s", new String(line, StandardCharsets.UTF_8))
        .isInstanceOf(Malformed.class);
    return (Malformed) parsed;
  }

  static Malformed parseMalformed(LineParser parser, String line) {
    return parseMalformed(parser, utf8(line));
  }

  /** Epoch millis of a {@code $time_local} text, computed by java.time. */
  static long epochMillisOfTimeLocal(String timeLocal) {
    return OffsetDateTime.parse(timeLocal, TIME_LOCAL).toInstant().toEpochMilli();
  }

  static SandboxLine sandbox() {
    return new SandboxLine();
  }

  /**
   * One line of {@link LogFormat#SANDBOX}, a single successful attempt on blue unless told
   * otherwise.
   */
  static final class SandboxLine {
    String remoteAddr = "172.19.0.1";
    String time = "31/Oct/2025:15:53:00 +0000";
    String request = "GET /version HTTP/1.1";
    String status = "200";
    String bodyBytes = "57";
    String pool = "blue";
    String release = "v1-blue";
    String upstreamStatus = "200";
    String upstreamAddr = "172.19.0.2:3000";
    String requestTime = "0.004";
    String upstreamResponseTime = "0.004";
    String requestId = "6a1b0c9d2e3f40516273849a5b6c7d8e";

    SandboxLine time(String value) {
      time = value;
      return this;
    }

    SandboxLine request(String value) {
      request = value;
      return this;
    }

    SandboxLine status(String value) {
      status = value;
      return this;
    }

    SandboxLine pool(String value) {
      pool = value;
      return this;
    }

    SandboxLine release(String value) {
      release = value;
      return this;
    }

    SandboxLine upstreamStatus(String value) {
      upstreamStatus = value;
      return this;
    }

    SandboxLine upstreamAddr(String value) {
      upstreamAddr = value;
      return this;
    }

    SandboxLine requestTime(String value) {
      requestTime = value;
      return this;
    }

    SandboxLine upstreamResponseTime(String value) {
      upstreamResponseTime = value;
      return this;
    }

    SandboxLine requestId(String value) {
      requestId = value;
      return this;
    }

    /** Nginx answered the request itself: every upstream variable is {@code -}. */
    SandboxLine noUpstream() {
      pool = "-";
      release = "-";
      upstreamStatus = "-";
      upstreamAddr = "-";
      upstreamResponseTime = "-";
      return this;
    }

    @Override
    public String toString() {
      return remoteAddr
          + " - - ["
          + time
          + "] \""
          + request
          + "\" status="
          + status
          + " body_bytes="
          + bodyBytes
          + " pool="
          + pool
          + " release="
          + release
          + " upstream_status="
          + upstreamStatus
          + " upstream_addr="
          + upstreamAddr
          + " request_time="
          + requestTime
          + " upstream_response_time="
          + upstreamResponseTime
          + " request_id="
          + requestId;
    }

    byte[] bytes() {
      return utf8(toString());
    }
  }
}
