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
  private final HttpUrl endpoint;
  private final Headers headers;
  private final JsonPost http;
  private final Duration minInterval;

  /** Posts to {@code url} itself, with no extra header. */
  protected HttpSink(String name, SecretUrl url, JsonPost http, Duration minInterval) {
    this(name, url, url.reveal(), Headers.of(), http, minInterval);
  }

  /**
   * @param url the configured URL (a secret): shown as {@link SecretUrl#describe()}
   * @param endpoint where the requests go, derived from {@code url}
   * @param headers sent with each request (e.g. basic auth from the URL's user info)
   */
  protected HttpSink(
      String name,
      SecretUrl url,
      HttpUrl endpoint,
      Headers headers,
      JsonPost http,
      Duration minInterval) {
    this.name = name;
    this.url = url;
    this.endpoint = endpoint;
    this.headers = headers;
    this.http = http;
    this.minInterval = minInterval;
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
    return http.post(endpoint, headers, body);
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
