package dev.bluegreen.watcher.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits nginx.conf text into tokens the way Nginx does: whitespace, quotes, escapes; one directive
 * ({@link #split}) or a whole file with its blocks and comments ({@link #ofFile}).
 */
public final class ConfTokens {
  private ConfTokens() {}

  /** A token of a configuration file: a word, a quoted string, or one of {@code { } ;}. */
  public record Token(String text, int line) {
    /** Whether this is the punctuation {@code c} rather than a word or string. */
    public boolean is(char c) {
      return text.length() == 1 && text.charAt(0) == c;
    }
  }

  /**
   * The tokens of a whole configuration file with their line numbers; {@code #} comments dropped.
   * Inside a word, {@code ${name}} stays one word, as in Nginx.
   */
  public static List<Token> ofFile(String text) {
    List<Token> tokens = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '{' || c == '}' || c == ';') {
        tokens.add(new Token(String.valueOf(c), line));
        i++;
      } else if (c == '\'' || c == '"') {
        int end = closingQuote(text, i);
        tokens.add(new Token(text.substring(i, end + 1), line));
        line += (int) text.substring(i, end + 1).chars().filter(ch -> ch == '\n').count();
        i = end + 1;
      } else {
        int end = wordEnd(text, i);
        tokens.add(new Token(text.substring(i, end), line));
        i = end;
      }
    }
    return tokens;
  }

  private static int wordEnd(String text, int start) {
    int end = start;
    boolean inVariable = false;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (c == '{' && end > start && text.charAt(end - 1) == '$') {
        inVariable = true;
      } else if (c == '}' && inVariable) {
        inVariable = false;
      } else if (Character.isWhitespace(c) || c == ';' || c == '{' || c == '}') {
        break;
      } else if (c == '\\') {
        end++;
      }
      end++;
    }
    return Math.min(end, text.length());
  }

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

  /** Whether {@code token} is a quoted string. */
  public static boolean isQuoted(String token) {
    return token.length() >= 2 && (token.charAt(0) == '\'' || token.charAt(0) == '"');
  }

  /** Removes the quotes and resolves the escapes Nginx resolves inside quoted strings. */
  public static String unquote(String token) {
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
