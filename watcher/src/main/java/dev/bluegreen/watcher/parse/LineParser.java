package dev.bluegreen.watcher.parse;

import dev.bluegreen.watcher.parse.LogFormat.Segment;

/**
 * Parses access-log lines laid out by one {@link LogFormat}, straight from bytes: no regex, no copy
 * of the line, and Strings only for the few values the detectors need (interned). Not thread safe;
 * use one per reading thread.
 *
 * <p>Lines parsed before the JIT has compiled {@link #parse} run several times slower, and each
 * call site it inlines makes that compilation longer: so each helper is called from one place.
 */
public final class LineParser {
  private static final Malformed BAD_STATUS = new Malformed("$status is not a number");
  private static final Malformed BAD_TIME = new Malformed("the timestamp is not a valid time");
  private static final Malformed BAD_UPSTREAM_STATUS =
      new Malformed("$upstream_status is not a list of statuses");
  private static final Malformed BAD_REQUEST_TIME =
      new Malformed("$request_time is not a number of seconds");
  private static final Malformed TRAILING = new Malformed("text after the end of the format");

  private final LogFormat format;
  private final Interner interner = new Interner();
  private static final int TIME_LOCAL_LENGTH = 26;
  private final long[] lastTimeLocal = new long[4]; // Bytes.words of the last $time_local
  private long lastTimeLocalMillis = AccessEvent.NO_TIME;

  public LineParser(LogFormat format) {
    this.format = format;
  }

  public LogFormat format() {
    return format;
  }

  /** Parses {@code len} bytes from {@code off}: one line without its line terminator. */
  public Parsed parse(byte[] b, int off, int len) {
    return parse(b, off, len, false);
  }

  /** {@link #parse}, told whether every byte of the line is ASCII (so valid UTF-8) already. */
  Parsed parse(byte[] b, int off, int len, boolean ascii) {
    int end = off + len;
    if (len == 0) {
      return Malformed.EMPTY;
    }
    if (!ascii && !Utf8.isValid(b, off, end)) {
      return Malformed.INVALID_UTF8;
    }
    Literal prefix = format.prefix();
    if (!prefix.matchesAt(b, off, end)) {
      return format.missingPrefix();
    }
    int pos = off + prefix.length();
    long time = AccessEvent.NO_TIME;
    int status = -1;
    String pool = null;
    String release = null;
    String upstreamAddr = null;
    int attempts = 0;
    int upstream5xx = 0;
    int requestMillis = -1;

    Segment[] segments = format.segments();
    for (int k = 0; k < segments.length; k++) {
      Segment segment = segments[k];
      Literal following = segment.following();
      boolean last = k == segments.length - 1;
      int valueEnd;
      if (segment.fixedWidth() > 0 || last) {
        // where the value must end is known: check the text that follows it is there
        valueEnd = segment.fixedWidth() > 0 ? pos + segment.fixedWidth() : end - following.length();
        if (valueEnd < pos || !following.matchesAt(b, valueEnd, end)) {
          return segment.missingFollowing();
        }
        if (last && valueEnd + following.length() != end) {
          return TRAILING;
        }
      } else {
        valueEnd = find(b, pos, end, following, segment.multiValue(), format.jsonEscaped());
        if (valueEnd < 0) {
          return segment.missingFollowing();
        }
      }

      switch (segment.field()) {
        case STATUS -> {
          status = Values.status(b, pos, valueEnd);
          if (status < 0) {
            return BAD_STATUS;
          }
        }
        case TIME_LOCAL -> time = timeLocal(b, pos, valueEnd);
        case TIME_ISO8601 -> time = Timestamps.timeIso8601(b, pos, valueEnd);
        case MSEC -> time = Timestamps.msec(b, pos, valueEnd);
        case POOL, RELEASE, UPSTREAM_ADDR -> {
          String value = lastValue(b, pos, valueEnd);
          if (segment.field() == Field.POOL) {
            pool = value;
          } else if (segment.field() == Field.RELEASE) {
            release = value;
          } else {
            upstreamAddr = value;
          }
        }
        case UPSTREAM_STATUS -> {
          long counts = Values.upstreamStatuses(b, pos, valueEnd);
          if (counts < 0) {
            return BAD_UPSTREAM_STATUS;
          }
          attempts = (int) (counts >>> 32);
          upstream5xx = (int) counts;
        }
        case REQUEST_TIME -> {
          requestMillis = Values.secondsAsMillis(b, pos, valueEnd);
          if (requestMillis == Values.NOT_A_NUMBER) {
            return BAD_REQUEST_TIME;
          }
        }
        case OTHER -> {}
      }
      if (time == AccessEvent.NO_TIME && segment.field().isTime()) {
        return BAD_TIME;
      }
      pos = valueEnd + following.length();
    }
    return new AccessEvent(
        time, status, pool, release, upstreamAddr, attempts, upstream5xx, requestMillis);
  }

  /**
   * {@code $time_local}, remembering the last one: consecutive lines mostly share their second, and
   * comparing 26 bytes is cheaper than parsing them.
   */
  private long timeLocal(byte[] b, int s, int e) {
    int length = e - s;
    if (length == TIME_LOCAL_LENGTH
        && lastTimeLocalMillis != AccessEvent.NO_TIME
        && Bytes.equals(b, s, length, lastTimeLocal)) {
      return lastTimeLocalMillis;
    }
    long millis = Timestamps.timeLocal(b, s, e);
    if (length == TIME_LOCAL_LENGTH) {
      Bytes.pack(b, s, length, lastTimeLocal);
      lastTimeLocalMillis = millis;
    }
    return millis;
  }

  /**
   * The last of the comma- or colon-separated values Nginx logs per upstream attempt (the attempt
   * that answered the client), or {@code null} when it is {@code -} or empty.
   */
  private String lastValue(byte[] b, int s, int e) {
    int start = Values.lastValueStart(b, s, e);
    if (start >= e || (e - start == 1 && b[start] == '-')) {
      return null;
    }
    if (format.jsonEscaped() && Bytes.indexOf(b, start, e, (byte) '\\') >= 0) {
      return Values.unescapeJson(b, start, e);
    }
    return interner.intern(b, start, e);
  }

  /**
   * Where {@code literal} next occurs in the line. Inside a multi-value variable, a space or comma
   * that is part of Nginx's own {@code ", "} or {@code " : "} separators does not end the value.
   * With {@code escape=json}, a byte Nginx escaped with a backslash (a {@code \"} inside the
   * request, say) is part of the value, not the literal that ends it.
   */
  private static int find(
      byte[] b, int from, int end, Literal literal, boolean multiValue, boolean jsonEscaped) {
    byte first = literal.at(0);
    int lastStart = end - literal.length();
    int i = from;
    // one call site of indexOf, where a for loop would have two (each is inlined)
    while ((i = Bytes.indexOf(b, i, lastStart + 1, first)) >= 0) {
      if (literal.matchesAt(b, i, end)
          && !(multiValue && isSeparator(b, from, end, i, literal))
          && !(jsonEscaped && isEscaped(b, from, i))) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /**
   * Whether Nginx escaped {@code b[i]}: an odd run of backslashes, inside the value that starts at
   * {@code from}, comes right before it.
   */
  private static boolean isEscaped(byte[] b, int from, int i) {
    int k = i - 1;
    while (k >= from && b[k] == '\\') {
      k--;
    }
    return ((i - 1 - k) & 1) == 1;
  }

  private static boolean isSeparator(byte[] b, int from, int end, int i, Literal literal) {
    byte second = literal.length() > 1 ? literal.at(1) : 0;
    if (literal.at(0) == ' ') {
      boolean afterComma = i > from && b[i - 1] == ',';
      boolean beforeColon = i + 2 < end && b[i + 1] == ':' && b[i + 2] == ' ' && second != ':';
      boolean afterColon = i - 2 >= from && b[i - 1] == ':' && b[i - 2] == ' ';
      return afterComma || beforeColon || afterColon;
    }
    if (literal.at(0) == ',') {
      return i + 1 < end && b[i + 1] == ' ' && second != ' ';
    }
    return false;
  }
}
