package dev.bluegreen.watcher.parse;

/**
 * Reads Nginx's timestamp variables straight from the line's bytes into epoch milliseconds, without
 * allocating. Each method returns {@link AccessEvent#NO_TIME} when the text is not a valid time.
 */
final class Timestamps {
  private Timestamps() {}

  /** {@code $time_local}: {@code 31/Oct/2025:13:30:00 +0000}. */
  static long timeLocal(byte[] b, int s, int e) {
    if (e - s != 26 || b[s + 2] != '/' || b[s + 6] != '/' || b[s + 11] != ':' || b[s + 20] != ' ') {
      return AccessEvent.NO_TIME;
    }
    int day = digits(b, s, 2);
    int month = month(b[s + 3], b[s + 4], b[s + 5]);
    int year = digits(b, s + 7, 4);
    int hour = digits(b, s + 12, 2);
    int minute = digits(b, s + 15, 2);
    int second = digits(b, s + 18, 2);
    if (b[s + 14] != ':' || b[s + 17] != ':') {
      return AccessEvent.NO_TIME;
    }
    int offset = offsetMinutes(b[s + 21], digits(b, s + 22, 2), digits(b, s + 24, 2));
    return toEpochMillis(year, month, day, hour, minute, second, 0, offset);
  }

  /**
   * {@code $time_iso8601}: {@code 2025-10-31T13:30:00+00:00} (a trailing {@code Z} is accepted).
   */
  static long timeIso8601(byte[] b, int s, int e) {
    int len = e - s;
    if ((len != 25 && len != 20)
        || b[s + 4] != '-'
        || b[s + 7] != '-'
        || b[s + 10] != 'T'
        || b[s + 13] != ':'
        || b[s + 16] != ':') {
      return AccessEvent.NO_TIME;
    }
    int offset;
    if (len == 20) {
      offset = b[s + 19] == 'Z' ? 0 : Integer.MIN_VALUE;
    } else {
      offset =
          b[s + 22] == ':'
              ? offsetMinutes(b[s + 19], digits(b, s + 20, 2), digits(b, s + 23, 2))
              : Integer.MIN_VALUE;
    }
    return toEpochMillis(
        digits(b, s, 4),
        digits(b, s + 5, 2),
        digits(b, s + 8, 2),
        digits(b, s + 11, 2),
        digits(b, s + 14, 2),
        digits(b, s + 17, 2),
        0,
        offset);
  }

  /** {@code $msec}: seconds since the epoch with millisecond resolution, {@code 1761917400.123}. */
  static long msec(byte[] b, int s, int e) {
    long seconds = 0;
    int i = s;
    while (i < e && b[i] >= '0' && b[i] <= '9' && i - s < 12) {
      seconds = seconds * 10 + (b[i] - '0');
      i++;
    }
    if (i == s) {
      return AccessEvent.NO_TIME;
    }
    long millis = 0;
    if (i < e) {
      if (b[i] != '.' || e - i != 4) {
        return AccessEvent.NO_TIME;
      }
      int fraction = digits(b, i + 1, 3);
      if (fraction < 0) {
        return AccessEvent.NO_TIME;
      }
      millis = fraction;
    }
    return seconds * 1000 + millis;
  }

  /** The value of {@code count} ASCII digits, or -1 when any is not a digit. */
  private static int digits(byte[] b, int s, int count) {
    int value = 0;
    for (int i = s; i < s + count; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static int offsetMinutes(byte sign, int hours, int minutes) {
    if ((sign != '+' && sign != '-') || hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int total = hours * 60 + minutes;
    return sign == '-' ? -total : total;
  }

  private static int month(byte a, byte b, byte c) {
    int key = (a << 16) | (b << 8) | c;
    return switch (key) {
      case ('J' << 16) | ('a' << 8) | 'n' -> 1;
      case ('F' << 16) | ('e' << 8) | 'b' -> 2;
      case ('M' << 16) | ('a' << 8) | 'r' -> 3;
      case ('A' << 16) | ('p' << 8) | 'r' -> 4;
      case ('M' << 16) | ('a' << 8) | 'y' -> 5;
      case ('J' << 16) | ('u' << 8) | 'n' -> 6;
      case ('J' << 16) | ('u' << 8) | 'l' -> 7;
      case ('A' << 16) | ('u' << 8) | 'g' -> 8;
      case ('S' << 16) | ('e' << 8) | 'p' -> 9;
      case ('O' << 16) | ('c' << 8) | 't' -> 10;
      case ('N' << 16) | ('o' << 8) | 'v' -> 11;
      case ('D' << 16) | ('e' << 8) | 'c' -> 12;
      default -> -1;
    };
  }

  private static long toEpochMillis(
      int year, int month, int day, int hour, int minute, int second, int millis, int offset) {
    if (year < 1970
        || month < 1
        || month > 12
        || day < 1
        || day > daysInMonth(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 60
        || offset == Integer.MIN_VALUE) {
      return AccessEvent.NO_TIME;
    }
    long days = daysFromCivil(year, month, day);
    long seconds = days * 86_400L + hour * 3_600L + minute * 60L + second - offset * 60L;
    return seconds * 1000 + millis;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
  private static long daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = y / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }
}
