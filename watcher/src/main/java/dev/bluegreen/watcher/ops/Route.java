package dev.bluegreen.watcher.ops;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every path the HTTP face serves, its one method (reads are GET, changes are POST) and who may use
 * it.
 */
public enum Route {
  PAGE("/", "GET", Access.ANYONE),
  PAGE_SCRIPT("/status.js", "GET", Access.ANYONE),
  PAGE_STYLE("/status.css", "GET", Access.ANYONE),
  EVENTS("/events", "GET", Access.ANYONE),
  HEALTHZ("/healthz", "GET", Access.ANYONE),
  METRICS("/metrics", "GET", Access.ANYONE),
  STATUS("/admin/status", "GET", Access.LOCAL),
  MAINTENANCE("/admin/maintenance", "POST", Access.OPERATOR),
  ACTIVE_POOL("/admin/active-pool", "POST", Access.OPERATOR);

  /** Who may use a route. */
  public enum Access {
    /**
     * Any client, any Host: Docker's and Kubernetes' probes and Prometheus name the host as they
     * reach it, and what they read changes nothing.
     */
    ANYONE,
    /** A loopback client naming this server as Host, without an Origin (no browser page). */
    LOCAL,
    /** As {@link #LOCAL}, and carrying the admin token. */
    OPERATOR
  }

  private final String path;
  private final String method;
  private final Access access;

  Route(String path, String method, Access access) {
    this.path = path;
    this.method = method;
    this.access = access;
  }

  /** The route serving {@code path}, if any. */
  public static Optional<Route> of(String path) {
    return Stream.of(values()).filter(r -> r.path.equals(path)).findFirst();
  }

  public String path() {
    return path;
  }

  /** The one method it answers; the {@code Allow} header of a 405. */
  public String method() {
    return method;
  }

  public Access access() {
    return access;
  }
}
