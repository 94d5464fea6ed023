package dev.bluegreen.watcher.parse;

/**
 * Where a variable's value ends in a line: at the literal that follows it in the format, unless
 * that literal is part of the value (Nginx's own list separators, a JSON-escaped byte).
 */
final class ValueEnds {
  private ValueEnds() {}

  /**
   * Where {@code literal} next occurs in the line. Inside a multi-value variable, a space or comma
   * that is part of Nginx's own {@code ", "} or {@code " : "} separators does not end the value.
   * With {@code escape=json}, a byte Nginx escaped with a backslash (a {@code \"} inside the
   * request, say) is part of the value, not the literal that ends it.
   */
  static int find(
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
