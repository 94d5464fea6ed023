package dev.bluegreen.watcher.parse;

import dev.bluegreen.watcher.parse.LogFormat.Segment;
import java.util.List;

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

  /**
   * A request at least this slow keeps its {@code $request_id} when no slowness threshold is given
   * (the latency detector's default).
   */
  public static final int DEFAULT_SLOW_MILLIS = 1000;

  private final LogFormat format;
  private final int slowMillis;
  private final Interner interner = new Interner();
  private static final int TIME_LOCAL_LENGTH = 26;
  private final long[] lastTimeLocal = new long[4]; // Bytes.words of the last $time_local
  private long lastTimeLocalMillis = AccessEvent.NO_TIME;

  public LineParser(LogFormat format) {
    this(format, DEFAULT_SLOW_MILLIS);
  }

  /**
   * @param slowMillis a request that took at least this long keeps its {@code $request_id}, as do
   *     requests with a failed attempt or a 5xx
   */
  public LineParser(LogFormat format, int slowMillis) {
    this.format = format;
    this.slowMillis = slowMillis;
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
    // where the values only some lines need are: materialized after the loop, if at all
    int statusesAt = -1;
    int statusesEnd = -1;
    int addrsAt = -1;
    int addrsEnd = -1;
    int idAt = -1;
    int idEnd = -1;

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
        valueEnd =
            ValueEnds.find(b, pos, end, following, segment.multiValue(), format.jsonEscaped());
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
            addrsAt = pos;
            addrsEnd = valueEnd;
          }
        }
        case UPSTREAM_STATUS -> {
          long counts = Values.upstreamStatuses(b, pos, valueEnd);
          if (counts < 0) {
            return BAD_UPSTREAM_STATUS;
          }
          attempts = (int) (counts >>> 32);
          upstream5xx = (int) counts;
          statusesAt = pos;
          statusesEnd = valueEnd;
        }
        case REQUEST_TIME -> {
          requestMillis = Values.secondsAsMillis(b, pos, valueEnd);
          if (requestMillis == Values.NOT_A_NUMBER) {
            return BAD_REQUEST_TIME;
          }
        }
        case REQUEST_ID -> {
          idAt = pos;
          idEnd = valueEnd;
        }
        case OTHER -> {}
      }
      if (time == AccessEvent.NO_TIME && segment.field().isTime()) {
        return BAD_TIME;
      }
      pos = valueEnd + following.length();
    }
    AccessEvent event =
        new AccessEvent(
            time, status, pool, release, upstreamAddr, attempts, upstream5xx, requestMillis);
    if (upstream5xx == 0 && status < 500 && requestMillis < slowMillis) {
      return event;
    }
    return withEvidence(event, b, idAt, idEnd, statusesAt, statusesEnd, addrsAt, addrsEnd);
  }

  /**
   * {@code event} with its request id and failed attempts: for the few requests that failed or were
   * slow. A method of its own, called only for them, so that the JIT compiles {@link #parse}
   * without it (a smaller method, compiled sooner: the lines before that run several times slower).
   */
  private AccessEvent withEvidence(
      AccessEvent event,
      byte[] b,
      int idAt,
      int idEnd,
      int statusesAt,
      int statusesEnd,
      int addrsAt,
      int addrsEnd) {
    return new AccessEvent(
        event.epochMillis(),
        event.status(),
        event.pool(),
        event.release(),
        event.upstreamAddr(),
        event.upstreamAttempts(),
        event.upstream5xx(),
        event.requestMillis(),
        idAt < 0 ? null : Attempts.requestId(b, idAt, idEnd, format.jsonEscaped()),
        event.upstream5xx() == 0
            ? List.of()
            : Attempts.failed(b, statusesAt, statusesEnd, addrsAt, addrsEnd, interner));
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
}
