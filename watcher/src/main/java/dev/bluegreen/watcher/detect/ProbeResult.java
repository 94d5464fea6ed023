package dev.bluegreen.watcher.detect;

/**
 * One check of a pool's health URL: up (an HTTP 2xx answer) or down, with why.
 *
 * @param pool the pool checked
 * @param up whether it answered 2xx in time
 * @param error why it is down ({@code HTTP 503}, {@code connect refused}, {@code timed out after
 *     3000 ms}), {@code null} when up
 */
public record ProbeResult(String pool, boolean up, String error) {

  public static ProbeResult up(String pool) {
    return new ProbeResult(pool, true, null);
  }

  public static ProbeResult down(String pool, String error) {
    return new ProbeResult(pool, false, error);
  }
}
