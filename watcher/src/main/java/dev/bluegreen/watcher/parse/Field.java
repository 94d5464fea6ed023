package dev.bluegreen.watcher.parse;

import java.util.Locale;

/**
 * The meaning the watcher gives to an Nginx variable; everything it does not use is {@link #OTHER}.
 */
enum Field {
  STATUS,
  TIME_LOCAL,
  TIME_ISO8601,
  MSEC,
  POOL,
  RELEASE,
  UPSTREAM_STATUS,
  UPSTREAM_ADDR,
  REQUEST_TIME,
  REQUEST_ID,
  OTHER;

  /** Whether the value is a timestamp the detectors can use. */
  boolean isTime() {
    return this == TIME_LOCAL || this == TIME_ISO8601 || this == MSEC;
  }

  static Field of(String variable) {
    return switch (variable.toLowerCase(Locale.ROOT)) {
      case "status" -> STATUS;
      case "time_local" -> TIME_LOCAL;
      case "time_iso8601" -> TIME_ISO8601;
      case "msec" -> MSEC;
      case "upstream_http_x_app_pool", "sent_http_x_app_pool" -> POOL;
      case "upstream_http_x_release_id", "sent_http_x_release_id" -> RELEASE;
      case "upstream_status" -> UPSTREAM_STATUS;
      case "upstream_addr" -> UPSTREAM_ADDR;
      case "request_time" -> REQUEST_TIME;
      case "request_id" -> REQUEST_ID;
      default -> OTHER;
    };
  }

  /**
   * Nginx writes one value per upstream attempt for {@code $upstream_*} variables, joined by {@code
   * ", "} and, after an internal redirect, {@code " : "}; those separators are part of the value,
   * not the end of it.
   */
  static boolean isMultiValue(String variable) {
    return variable.toLowerCase(Locale.ROOT).startsWith("upstream_");
  }

  /** Width of variables whose value always has the same length and may contain a space. */
  static int fixedWidth(String variable) {
    return switch (variable.toLowerCase(Locale.ROOT)) {
      case "time_local" -> "31/Oct/2025:13:30:00 +0000".length();
      case "time_iso8601" -> "2025-10-31T13:30:00+00:00".length();
      default -> 0;
    };
  }
}
