package dev.bluegreen.watcher.notify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * A URL that is a credential (a Slack webhook carries its token in the path): only the HTTP client
 * sees it; {@link #toString()} and {@link #describe()} show the scheme and host, and {@link
 * #redact} removes it, and each of its secret-looking parts, from any text.
 */
public final class SecretUrl {
  private static final String MASK = "***";

  /** Any URL: its scheme and host are kept, the rest (path, query, user info) may be secret. */
  private static final Pattern ANY_URL =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)(?:[^/\\s'\"@]*@)?([^/\\s'\"]*)[^\\s'\"]*");

  private final HttpUrl url;
  private final List<String> secrets;

  private SecretUrl(HttpUrl url) {
    this.url = url;
    this.secrets = secretParts(url);
  }

  /** The URL, or {@code null} when the text is not an http(s) URL. */
  public static SecretUrl parse(String text) {
    HttpUrl url = HttpUrl.parse(text.strip());
    return url == null ? null : new SecretUrl(url);
  }

  /** For the HTTP client only: never log, print or put it in a message. */
  public HttpUrl reveal() {
    return url;
  }

  /** Safe to show: {@code https://hooks.slack.com/***}. */
  public String describe() {
    boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
    return url.scheme() + "://" + url.host() + (defaultPort ? "" : ":" + url.port()) + "/" + MASK;
  }

  public String host() {
    return url.host();
  }

  public boolean isHttps() {
    return url.isHttps();
  }

  /** The host is this machine: plain http is safe enough there (tests, a local relay). */
  public boolean isLoopback() {
    String host = url.host();
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  /** The text with the URL and its token-like parts replaced by {@code ***}. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  /**
   * The text with the path, query and user info of every URL in it masked: for text that may hold a
   * URL nobody parsed yet, such as a command-line error about a misplaced argument.
   */
  public static String maskUrls(String text) {
    return text == null
        ? null
        : ANY_URL.matcher(text).replaceAll("$1$2/" + Matcher.quoteReplacement(MASK));
  }

  @Override
  public String toString() {
    return describe();
  }

  /**
   * The whole URL in its spellings, then each part that may be a token: path segments of 6 or more
   * characters holding a digit or a capital (Slack's T.../B.../token), the query, the password.
   */
  private static List<String> secretParts(HttpUrl url) {
    List<String> parts = new ArrayList<>();
    parts.add(url.toString());
    parts.add(url.encodedPath());
    for (String segment : url.encodedPathSegments()) {
      if (segment.length() >= 6 && segment.chars().anyMatch(c -> isDigit(c) || isUpper(c))) {
        parts.add(segment);
      }
    }
    if (url.encodedQuery() != null && !url.encodedQuery().isEmpty()) {
      parts.add(url.encodedQuery());
    }
    if (!url.encodedPassword().isEmpty()) {
      parts.add(url.encodedPassword());
    }
    parts.removeIf(part -> part.length() < 6);
    parts.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(parts);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUpper(int c) {
    return c >= 'A' && c <= 'Z';
  }
}
