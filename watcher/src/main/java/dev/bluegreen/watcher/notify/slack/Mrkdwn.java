package dev.bluegreen.watcher.notify.slack;

/**
 * Makes a value from a log line or an upstream header inert in Slack mrkdwn: {@code & < >} become
 * entities, so a logged {@code <!channel>} cannot ping anyone and {@code <https://x|link>} cannot
 * plant a link; control characters become spaces and long values are cut.
 */
public final class Mrkdwn {
  /** Pool names and releases are short; a 64 KiB header value is not worth showing whole. */
  static final int MAX_VALUE = 80;

  private Mrkdwn() {}

  /** The value, cut to {@link #MAX_VALUE} characters, then escaped; {@code null} becomes "-". */
  public static String escape(String value) {
    return escape(value, MAX_VALUE);
  }

  /** The value, cut to {@code max} characters, then escaped; {@code null} becomes "-". */
  public static String escape(String value, int max) {
    if (value == null) {
      return "-";
    }
    String cut =
        value.codePointCount(0, value.length()) > max
            ? value.substring(0, value.offsetByCodePoints(0, max - 1)) + "…"
            : value;
    StringBuilder out = new StringBuilder(cut.length() + 8);
    cut.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                  if (Character.isISOControl(c)) {
                    out.append(' ');
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
