package dev.bluegreen.demo;

/**
 * A {@code POST /chaos/start} query, checked: {@code mode=error|timeout|slow} given once, and for
 * slow an optional {@code ms=N} (1 to {@value #MAX_SLOW_MILLIS}, default {@value
 * #DEFAULT_SLOW_MILLIS}); anything else is refused with a one-line reason.
 */
record ChaosCommand(Chaos.Mode mode, long slowMillis) {
  /** The slow mode's delay when no ms is given: inside Nginx's 1 s read timeout, above 500 ms. */
  static final long DEFAULT_SLOW_MILLIS = 700;

  /** The longest delay the slow mode takes: the timeout mode's own hang limit. */
  static final long MAX_SLOW_MILLIS = 30_000;

  /** A query the app refuses; the message says why in one line. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** Parses the raw query of {@code /chaos/start} (null when there is none). */
  static ChaosCommand parse(String query) throws Refused {
    String mode = null;
    String ms = null;
    for (String pair : query == null || query.isEmpty() ? new String[0] : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      switch (key) {
        case "mode" -> {
          if (mode != null) {
            throw new Refused("mode given twice: give it once");
          }
          mode = value;
        }
        case "ms" -> {
          if (ms != null) {
            throw new Refused("ms given twice: give it once");
          }
          ms = value;
        }
        default -> throw new Refused("unknown parameter '" + printable(key) + "': use mode and ms");
      }
    }
    if (mode == null) {
      throw new Refused("mode is required: error, timeout or slow");
    }
    Chaos.Mode parsed =
        switch (mode) {
          case "error" -> Chaos.Mode.ERROR;
          case "timeout" -> Chaos.Mode.TIMEOUT;
          case "slow" -> Chaos.Mode.SLOW;
          default ->
              throw new Refused(
                  "mode must be error, timeout or slow, not '" + printable(mode) + "'");
        };
    if (ms != null && parsed != Chaos.Mode.SLOW) {
      throw new Refused("ms applies to mode=slow only");
    }
    return new ChaosCommand(parsed, ms == null ? DEFAULT_SLOW_MILLIS : millis(ms));
  }

  private static long millis(String value) throws Refused {
    // At most 5 digits before parsing, so no value can overflow.
    if (value.matches("[0-9]{1,5}")) {
      long n = Long.parseLong(value);
      if (n >= 1 && n <= MAX_SLOW_MILLIS) {
        return n;
      }
    }
    throw new Refused(
        "ms must be a whole number from 1 to "
            + MAX_SLOW_MILLIS
            + ", not '"
            + printable(value)
            + "'");
  }

  // Echoed values are cut short and kept to visible ASCII, so a reason stays one short line.
  private static String printable(String s) {
    String cut = s.length() > 20 ? s.substring(0, 20) + "..." : s;
    return cut.replaceAll("[^\\x21-\\x7e]", "?");
  }
}
