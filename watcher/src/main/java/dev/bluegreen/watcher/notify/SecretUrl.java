package dev.bluegreen.watcher.notify;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * A URL that is a credential (a Slack webhook carries its token in the path): only the HTTP client
 * sees it; {@link #toString()} and {@link #describe()} show the scheme and host, and {@link
 * #redact} removes it, and each of its secret-looking parts, from any text.
 *
 * <p>Parsed with the JDK, not OkHttp: a watcher that has sent nothing loads none of OkHttp and
 * Kotlin's runtime (about 150 classes, 3 MB of an idle watcher's RSS). Only hosts OkHttp takes are
 * accepted (letters, digits, {@code . - _}, or an IPv6 literal), so a URL valid at start is valid
 * at the first POST.
 */
public final class SecretUrl {
  private static final String MASK = "***";

  /** Any URL: its scheme and host are kept, the rest (path, query, user info) may be secret. */
  private static final Pattern ANY_URL =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)(?:[^/\\s'\"@]*@)?([^/\\s'\"]*)[^\\s'\"]*");

  /** A host OkHttp takes as it is: a name or IPv4 address (Compose's {@code app_blue} too). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  /** An IPv6 literal, in brackets. */
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]");

  /** No space or control character anywhere: OkHttp would encode them, a browser would not. */
  private static final Pattern PRINTABLE = Pattern.compile("\\p{Graph}+");

  private final String text;
  private final URL url;
  private final List<String> secrets;

  private SecretUrl(String text, URL url) {
    this.text = text;
    this.url = url;
    this.secrets = secretParts(text, url);
  }

  /** The URL, or {@code null} when the text is not an http(s) URL. */
  public static SecretUrl parse(String text) {
    String stripped = text.strip();
    if (!PRINTABLE.matcher(stripped).matches()) {
      return null;
    }
    URL url;
    try {
      url = new URL(stripped);
    } catch (MalformedURLException e) {
      return null;
    }
    String scheme = url.getProtocol().toLowerCase(Locale.ROOT);
    boolean knownHost =
        NAME.matcher(url.getHost()).matches() || IPV6.matcher(url.getHost()).matches();
    boolean port = url.getPort() == -1 || (url.getPort() > 0 && url.getPort() <= 65_535);
    if (!(scheme.equals("http") || scheme.equals("https")) || !knownHost || !port) {
      return null;
    }
    return new SecretUrl(stripped, url);
  }

  /**
   * For the HTTP client only, at its first request: never log, print or put it in a message. This
   * is where OkHttp is first loaded.
   */
  public HttpUrl reveal() {
    return HttpUrl.get(text);
  }

  /** Safe to show: {@code https://hooks.slack.com/***}. */
  public String describe() {
    int port = url.getPort();
    boolean defaultPort = port == -1 || port == url.getDefaultPort();
    String shown = url.getHost().toLowerCase(Locale.ROOT);
    return scheme() + "://" + shown + (defaultPort ? "" : ":" + port) + "/" + MASK;
  }

  /** The host, lower case, without an IPv6 literal's brackets. */
  public String host() {
    String host = url.getHost().toLowerCase(Locale.ROOT);
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  public boolean isHttps() {
    return scheme().equals("https");
  }

  /** The host is this machine: plain http is safe enough there (tests, a local relay). */
  public boolean isLoopback() {
    String host = host();
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  private String scheme() {
    return url.getProtocol().toLowerCase(Locale.ROOT);
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
  private static List<String> secretParts(String text, URL url) {
    List<String> parts = new ArrayList<>();
    parts.add(text);
    parts.add(url.getPath());
    for (String segment : url.getPath().split("/")) {
      if (segment.length() >= 6 && segment.chars().anyMatch(c -> isDigit(c) || isUpper(c))) {
        parts.add(segment);
      }
    }
    if (url.getQuery() != null && !url.getQuery().isEmpty()) {
      parts.add(url.getQuery());
    }
    String userInfo = url.getUserInfo();
    if (userInfo != null && userInfo.indexOf(':') >= 0) {
      parts.add(userInfo.substring(userInfo.indexOf(':') + 1));
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
