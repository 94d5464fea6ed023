package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.json.Json;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A sink that POSTs JSON over HTTP to a URL that is a credential: its name, its target shown
 * without the secret, its pace, the one request per attempt and its cancellation. A subclass only
 * renders its own format.
 */
public abstract class HttpSink implements Notifier {
  private final String name;
  private final SecretUrl url;
  private final JsonPost http;
  private final Duration minInterval;
  private volatile Target target; // made at the first POST (twice at worst: the same value)

  /** Where the requests go and what they carry besides the body. */
  public record Target(HttpUrl endpoint, Headers headers) {}

  /**
   * @param url the configured URL (a secret): shown as {@link SecretUrl#describe()}; OkHttp reads
   *     it at the first POST ({@link #target(HttpUrl)}), not before
   */
  protected HttpSink(String name, SecretUrl url, JsonPost http, Duration minInterval) {
    this.name = name;
    this.url = url;
    this.http = http;
    this.minInterval = minInterval;
  }

  /** Posts to {@code url} itself, with no extra header; a sink may derive another target. */
  protected Target target(HttpUrl url) {
    return new Target(url, Headers.of());
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String target() {
    return url.describe();
  }

  @Override
  public boolean takesNotices() {
    return true;
  }

  @Override
  public final Duration minInterval() {
    return minInterval;
  }

  @Override
  public final Attempt post(byte[] body) {
    if (target == null) {
      target = target(url.reveal());
    }
    return http.post(target.endpoint(), target.headers(), body);
  }

  @Override
  public final void cancel() {
    http.cancel();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + target() + "]";
  }

  /** {@code value} (maps, lists and plain values) as JSON bytes. */
  protected static byte[] json(Object value) {
    try {
      return Json.bytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("a map of plain values always serializes", e);
    }
  }
}
