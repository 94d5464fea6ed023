package dev.bluegreen.watcher.probe;

import dev.bluegreen.watcher.detect.PoolName;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The probes of {@code watcher run}: which health URL to check for each pool, and how often. No
 * target means no probe (nothing runs).
 *
 * @param targets PROBE_URLS in its order
 * @param interval PROBE_INTERVAL_SEC: the time from one round of checks to the next
 */
public record ProbeConfig(List<ProbeTarget> targets, Duration interval) {
  /** Seconds between two checks of a pool: 3 failures in a row are then 20 to 30 s. */
  public static final int DEFAULT_INTERVAL_SEC = 10;

  /** How long a check may take to connect, at most (less when the interval is short). */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** How long a check may wait for the answer's status line, at most. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

  /** No probes. */
  public static final ProbeConfig NONE =
      new ProbeConfig(List.of(), Duration.ofSeconds(DEFAULT_INTERVAL_SEC));

  public ProbeConfig {
    targets = List.copyOf(targets);
  }

  /** The pools probed. */
  public Set<String> pools() {
    Set<String> pools = new HashSet<>();
    targets.forEach(target -> pools.add(target.pool()));
    return pools;
  }

  public boolean enabled() {
    return !targets.isEmpty();
  }

  /** The connect timeout: {@link #CONNECT_TIMEOUT}, or 40 % of a shorter interval. */
  public Duration connectTimeout() {
    return min(CONNECT_TIMEOUT, interval.multipliedBy(2).dividedBy(5));
  }

  /** The read timeout: {@link #READ_TIMEOUT}, or 40 % of a shorter interval. */
  public Duration readTimeout() {
    return min(READ_TIMEOUT, interval.multipliedBy(2).dividedBy(5));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * PROBE_URLS parsed: {@code pool=url} pairs separated by commas, blank for none; throws {@link
   * IllegalArgumentException} saying what is wrong, in a few words.
   */
  public static List<ProbeTarget> parseTargets(String value) {
    List<ProbeTarget> targets = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return targets;
    }
    Set<String> pools = new HashSet<>();
    for (String pair : value.split(",", -1)) {
      String item = pair.strip();
      int equals = item.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "each item must be pool=url (e.g. green=http://green:3000/healthz), not '"
                + item
                + "'");
      }
      String pool = item.substring(0, equals).strip();
      if (!PoolName.isValid(pool)) {
        throw new IllegalArgumentException("pool '" + pool + "' " + PoolName.RULE);
      }
      if (!pools.add(pool)) {
        throw new IllegalArgumentException("pool '" + pool + "' is named twice");
      }
      targets.add(new ProbeTarget(pool, url(pool, item.substring(equals + 1).strip())));
    }
    return targets;
  }

  private static URI url(String pool, String text) {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the URL of " + pool + " is no URL: " + e.getReason());
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "the URL of " + pool + " must start with http:// or https://");
    }
    if (host(url).isEmpty()) {
      throw new IllegalArgumentException("the URL of " + pool + " has no host");
    }
    return url;
  }

  /**
   * The URL's host as the probe connects to it: {@link URI#getHost()} is null for a name with an
   * underscore (Compose's {@code app_blue}), which {@link java.net.URL} and DNS take as they are.
   */
  private static String host(URI url) {
    try {
      String host = url.toURL().getHost();
      return host == null ? "" : host;
    } catch (MalformedURLException | IllegalArgumentException e) {
      return "";
    }
  }
}
