package dev.bluegreen.watcher.parse;

import java.util.ArrayList;
import java.util.List;

/** Splits nginx.conf directive text into tokens the way Nginx does: whitespace, quotes, escapes. */
final class ConfTokens {
  private ConfTokens() {}

  static List<String> split(String text) {
    String body = text.strip();
    if (body.endsWith(";")) {
      body = body.substring(0, body.length() - 1);
    }
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int end = closingQuote(body, i);
        tokens.add(body.substring(i, end + 1));
        i = end + 1;
      } else {
        int end = i;
        while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
          end++;
        }
        tokens.add(body.substring(i, end));
        i = end;
      }
    }
    return tokens;
  }

  private static int closingQuote(String body, int open) {
    char quote = body.charAt(open);
    for (int i = open + 1; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    throw new LogFormatException("unclosed " + quote + " in the log format at position " + open);
  }

  static boolean isQuoted(String token) {
    return token.length() >= 2 && (token.charAt(0) == '\'' || token.charAt(0) == '"');
  }

  /** Removes the quotes and resolves the escapes Nginx resolves inside quoted strings. */
  static String unquote(String token) {
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 1; i < token.length() - 1; i++) {
      char c = token.charAt(i);
      if (c == '\\' && i + 1 < token.length() - 1) {
        char next = token.charAt(++i);
        switch (next) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case '"', '\'', '\\' -> out.append(next);
          default -> out.append('\\').append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
