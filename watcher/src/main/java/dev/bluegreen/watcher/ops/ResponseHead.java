package dev.bluegreen.watcher.ops;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The bytes of a response's status line and header fields, pure (time passed in): {@code HTTP/1.1
 * <status> <reason>}, {@code Date}, then the fields in order; never a {@code Server} field.
 */
final class ResponseHead {
  /** The first line and blank line of the interim answer to {@code Expect: 100-continue}. */
  static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private ResponseHead() {}

  /** The head of a response with {@code fields}, sent at {@code nowMillis} (epoch ms). */
  static byte[] of(int status, Map<String, String> fields, long nowMillis) {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    head.append("Date: ").append(date(nowMillis)).append("\r\n");
    fields.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * {@code nowMillis} as an HTTP date ({@code Tue, 01 Dec 2026 07:32:20 GMT}), written by hand: a
   * DateTimeFormatter with English names loads some 60 classes of locale data.
   */
  static String date(long nowMillis) {
    LocalDateTime t =
        LocalDateTime.ofEpochSecond(Math.floorDiv(nowMillis, 1000L), 0, ZoneOffset.UTC);
    return DAYS[t.getDayOfWeek().ordinal()]
        + ", "
        + two(t.getDayOfMonth())
        + ' '
        + MONTHS[t.getMonthValue() - 1]
        + ' '
        + t.getYear()
        + ' '
        + two(t.getHour())
        + ':'
        + two(t.getMinute())
        + ':'
        + two(t.getSecond())
        + " GMT";
  }

  private static String two(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  /** The reason phrase of the statuses this server answers with. */
  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      case 505 -> "HTTP Version Not Supported";
      default -> "Status " + status;
    };
  }
}
