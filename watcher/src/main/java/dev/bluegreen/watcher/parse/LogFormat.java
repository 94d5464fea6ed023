package dev.bluegreen.watcher.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An Nginx {@code log_format} compiled once into the layout every line must follow: a literal
 * prefix, then variables each followed by the literal text that ends it.
 *
 * <p>Accepts the format as written in nginx.conf: the whole directive ({@code log_format main
 * escape=json '...' '...';}), the quoted strings after the name, or the bare format string; or the
 * name of a format Nginx predefines ({@code combined}, its only one).
 */
public final class LogFormat {

  /** The sandbox's access log format; nginx/ writes exactly this. */
  public static final String SANDBOX =
      "$remote_addr - $remote_user [$time_local] \"$request\" status=$status"
          + " body_bytes=$body_bytes_sent pool=$upstream_http_x_app_pool"
          + " release=$upstream_http_x_release_id upstream_status=$upstream_status"
          + " upstream_addr=$upstream_addr request_time=$request_time"
          + " upstream_response_time=$upstream_response_time request_id=$request_id";

  /** Nginx's predefined {@code combined} format. */
  public static final String COMBINED =
      "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"
          + " \"$http_referer\" \"$http_user_agent\"";

  /** What the watcher cannot see when the format has no pool ({@link #hasPool()} false). */
  public static final String WITHOUT_POOL =
      "the log format has no $upstream_http_x_app_pool, so failovers cannot be seen; only the"
          + " error rate is watched";

  /** What the watcher cannot see when the format has no request time. */
  public static final String WITHOUT_REQUEST_TIME =
      "the log format has no $request_time, so slow requests cannot be seen; latency is not"
          + " watched";

  private static final Pattern DIRECTIVE_WITH_NAME =
      Pattern.compile("^[A-Za-z0-9_]+\\s+(escape=\\w+\\s+)?['\"].*", Pattern.DOTALL);

  /** One variable and the literal that follows it in the line. */
  record Segment(
      String variable,
      Field field,
      Literal following,
      int fixedWidth,
      boolean multiValue,
      Malformed missingFollowing) {}

  private final String text;
  private final boolean jsonEscaped;
  private final Literal prefix;
  private final Segment[] segments;
  private final Malformed missingPrefix;

  private LogFormat(String text, boolean jsonEscaped, Literal prefix, List<Segment> segments) {
    this.text = text;
    this.jsonEscaped = jsonEscaped;
    this.prefix = prefix;
    this.segments = segments.toArray(Segment[]::new);
    this.missingPrefix = new Malformed("does not start with '" + prefix + "'");
  }

  /** Compiles {@code log_format} text; throws {@link LogFormatException} saying what is wrong. */
  public static LogFormat compile(String directive) {
    if (directive == null || directive.isBlank()) {
      throw new LogFormatException("the log format is empty");
    }
    String trimmed = directive.strip();
    if (PredefinedFormats.isName(trimmed)) {
      return build(PredefinedFormats.format(trimmed), false);
    }
    boolean json = false;
    String format;
    if (looksLikeDirective(trimmed)) {
      List<String> tokens = ConfTokens.split(trimmed);
      int i = 0;
      if (i < tokens.size() && tokens.get(i).equals("log_format")) {
        i++;
      }
      StringBuilder joined = new StringBuilder();
      for (; i < tokens.size(); i++) {
        String token = tokens.get(i);
        if (ConfTokens.isQuoted(token)) {
          joined.append(ConfTokens.unquote(token));
        } else if (token.startsWith("escape=")) {
          json = token.equals("escape=json");
          if (!json && !token.equals("escape=default") && !token.equals("escape=none")) {
            throw new LogFormatException("unknown " + token + " (nginx knows default, json, none)");
          }
        } else if (joined.length() > 0) {
          throw new LogFormatException(
              "unquoted text '" + token + "' after the format strings; quote every part");
        }
        // otherwise it is the format's name, which does not matter here
      }
      format = joined.toString();
    } else {
      format = trimmed;
    }
    return build(format, json);
  }

  private static boolean looksLikeDirective(String text) {
    return text.startsWith("log_format")
        || text.startsWith("'")
        || text.startsWith("\"")
        || DIRECTIVE_WITH_NAME.matcher(text).matches();
  }

  private static LogFormat build(String format, boolean json) {
    List<Object> parts = splitVariables(format);
    if (parts.stream().noneMatch(p -> p instanceof Variable)) {
      throw new LogFormatException("the log format has no $variables: '" + format + "'");
    }
    Literal prefix = new Literal("");
    int start = 0;
    if (parts.get(0) instanceof String literal) {
      prefix = new Literal(literal);
      start = 1;
    }
    List<Segment> segments = new ArrayList<>();
    boolean hasStatus = false;
    for (int i = start; i < parts.size(); i++) {
      Variable variable = (Variable) parts.get(i);
      String following = "";
      if (i + 1 < parts.size() && parts.get(i + 1) instanceof String literal) {
        following = literal;
        i++;
      }
      boolean last = i + 1 >= parts.size();
      int width = Field.fixedWidth(variable.name());
      if (following.isEmpty() && !last && width == 0) {
        throw new LogFormatException(
            "$"
                + variable.name()
                + " is followed directly by another variable; the watcher cannot tell where it"
                + " ends (put a space or other text between them)");
      }
      Field field = Field.of(variable.name());
      hasStatus |= field == Field.STATUS;
      String missing =
          following.isEmpty()
              ? "ends early, inside $" + variable.name()
              : "expected '" + following + "' after $" + variable.name();
      segments.add(
          new Segment(
              variable.name(),
              field,
              new Literal(following),
              width,
              Field.isMultiValue(variable.name()),
              new Malformed(missing)));
    }
    if (!hasStatus) {
      throw new LogFormatException(
          "the log format has no $status; the watcher needs it to count errors: '" + format + "'");
    }
    return new LogFormat(format, json, prefix, segments);
  }

  private record Variable(String name) {}

  /**
   * The names of the variables in a bare format string, in order, as Nginx reads {@code $name} and
   * {@code ${name}}; throws {@link LogFormatException} on an unclosed {@code ${}.
   */
  public static List<String> variables(String format) {
    List<String> names = new ArrayList<>();
    for (Object part : splitVariables(format)) {
      if (part instanceof Variable variable) {
        names.add(variable.name());
      }
    }
    return names;
  }

  /** Splits a format string into literal Strings and Variables, as Nginx reads {@code $name}. */
  private static List<Object> splitVariables(String format) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c == '$' && i + 1 < format.length()) {
        int nameStart = i + 1;
        boolean braced = format.charAt(nameStart) == '{';
        if (braced) {
          nameStart++;
        }
        int nameEnd = nameStart;
        while (nameEnd < format.length() && isNameChar(format.charAt(nameEnd))) {
          nameEnd++;
        }
        if (braced && (nameEnd >= format.length() || format.charAt(nameEnd) != '}')) {
          throw new LogFormatException("unclosed ${ in the log format at position " + i);
        }
        if (nameEnd > nameStart) {
          if (literal.length() > 0) {
            parts.add(literal.toString());
            literal.setLength(0);
          }
          parts.add(new Variable(format.substring(nameStart, nameEnd)));
          i = braced ? nameEnd + 1 : nameEnd;
          continue;
        }
      }
      literal.append(c);
      i++;
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    return parts;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** The format string after the directive's quoting was removed. */
  public String text() {
    return text;
  }

  /** Whether the format logs which pool served the request (needed for failover alerts). */
  public boolean hasPool() {
    for (Segment segment : segments) {
      if (segment.field() == Field.POOL) {
        return true;
      }
    }
    return false;
  }

  /** Whether the format logs {@code $request_time} (needed for latency alerts). */
  public boolean hasRequestTime() {
    for (Segment segment : segments) {
      if (segment.field() == Field.REQUEST_TIME) {
        return true;
      }
    }
    return false;
  }

  /** Whether the format carries a timestamp the detectors can use. */
  public boolean hasTime() {
    for (Segment segment : segments) {
      if (segment.field().isTime()) {
        return true;
      }
    }
    return false;
  }

  boolean jsonEscaped() {
    return jsonEscaped;
  }

  Literal prefix() {
    return prefix;
  }

  Segment[] segments() {
    return segments;
  }

  Malformed missingPrefix() {
    return missingPrefix;
  }

  @Override
  public String toString() {
    return text;
  }
}
