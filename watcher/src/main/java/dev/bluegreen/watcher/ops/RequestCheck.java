package dev.bluegreen.watcher.ops;

import java.util.Locale;
import java.util.Set;

/**
 * Who may do what over HTTP, decided from the request alone: the route, its method, then for the
 * admin routes a loopback client, no {@code Origin} (a browser page's request: CSRF), a {@code
 * Host} naming this server (DNS rebinding), and for changes the admin token. Pure; tested row by
 * row.
 */
public final class RequestCheck {

  /** The answer to a request, before it is served; {@link #OK} lets it through. */
  public enum Verdict {
    OK(200, ""),
    NOT_FOUND(404, "no such endpoint"),
    WRONG_METHOD(405, "wrong method"),
    NOT_LOOPBACK(403, "admin endpoints answer loopback clients only"),
    ORIGIN_SENT(403, "admin endpoints refuse requests with an Origin header (browser pages)"),
    FOREIGN_HOST(
        403, "admin endpoints answer only a Host of localhost, 127.0.0.1 or the bound address"),
    NO_TOKEN(
        401, "the admin token is missing: send Authorization: Bearer TOKEN (watcher ctl does)"),
    WRONG_TOKEN(401, "the admin token is wrong");

    private final int status;
    private final String reason;

    Verdict(int status, String reason) {
      this.status = status;
      this.reason = reason;
    }

    public int status() {
      return status;
    }

    public String reason() {
      return reason;
    }
  }

  private static final String BEARER = "Bearer ";

  private final Set<String> hosts;
  private final AdminToken token;

  /**
   * @param bind the address the server listens on
   * @param port the port it listens on (the real one, not 0)
   * @param token what changes must carry
   */
  public RequestCheck(String bind, int port, AdminToken token) {
    this.hosts = hosts(bind, port);
    this.token = token;
  }

  /** The Host values admin requests may carry: localhost, loopback and a specific bind address. */
  static Set<String> hosts(String bind, int port) {
    String suffix = ":" + port;
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String name : new String[] {"localhost", "127.0.0.1", "[::1]", bracketed(bind)}) {
      if (!name.isEmpty() && !name.equals("0.0.0.0") && !name.equals("[::]")) {
        names.add(name.toLowerCase(Locale.ROOT) + suffix);
        if (port == 80) {
          names.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    return Set.copyOf(names);
  }

  private static String bracketed(String address) {
    String plain = address.strip();
    return plain.contains(":") && !plain.startsWith("[") ? "[" + plain + "]" : plain;
  }

  /**
   * Judges one request.
   *
   * @param route the route of its path, or {@code null} when none
   * @param method its method
   * @param loopback whether the client connected from a loopback address
   * @param host its Host header, or {@code null}
   * @param origin its Origin header, or {@code null}
   * @param authorization its Authorization header, or {@code null}
   */
  public Verdict check(
      Route route,
      String method,
      boolean loopback,
      String host,
      String origin,
      String authorization) {
    if (route == null) {
      return Verdict.NOT_FOUND;
    }
    if (!route.method().equals(method)) {
      return Verdict.WRONG_METHOD;
    }
    if (route.access() == Route.Access.ANYONE) {
      return Verdict.OK;
    }
    if (!loopback) {
      return Verdict.NOT_LOOPBACK;
    }
    if (origin != null) {
      return Verdict.ORIGIN_SENT;
    }
    if (host == null || !hosts.contains(host.strip().toLowerCase(Locale.ROOT))) {
      return Verdict.FOREIGN_HOST;
    }
    if (route.access() == Route.Access.LOCAL) {
      return Verdict.OK;
    }
    if (authorization == null || !authorization.startsWith(BEARER)) {
      return Verdict.NO_TOKEN;
    }
    return token.matches(authorization.substring(BEARER.length()).strip())
        ? Verdict.OK
        : Verdict.WRONG_TOKEN;
  }
}
