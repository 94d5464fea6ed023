package dev.bluegreen.watcher.probe;

import dev.bluegreen.watcher.detect.ProbeResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * One check of a pool's health URL: a GET that is up on an HTTP 2xx answer and down on anything
 * else (another status, a refused or timed-out connection), with the reason in a few words. The
 * JDK's blocking client on the calling thread: no thread, pool or connection is kept between checks
 * (each connection is closed), redirects are not followed, no proxy is used.
 */
public final class HttpProbe {
  private final int connectMillis;
  private final int readMillis;

  public HttpProbe(Duration connectTimeout, Duration readTimeout) {
    this.connectMillis = (int) Math.max(1, connectTimeout.toMillis());
    this.readMillis = (int) Math.max(1, readTimeout.toMillis());
  }

  /** Checks {@code target} now; returns within about the connect plus the read timeout. */
  public ProbeResult check(ProbeTarget target) {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) target.url().toURL().openConnection(Proxy.NO_PROXY);
      connection.setConnectTimeout(connectMillis);
      connection.setReadTimeout(readMillis);
      connection.setInstanceFollowRedirects(false);
      connection.setUseCaches(false);
      connection.setRequestProperty("Connection", "close");
      connection.setRequestProperty("User-Agent", "bluegreen-watch probe");
      int status = connection.getResponseCode();
      return status >= 200 && status < 300
          ? ProbeResult.up(target.pool())
          : ProbeResult.down(target.pool(), "HTTP " + status);
    } catch (IOException | IllegalArgumentException e) {
      return ProbeResult.down(target.pool(), reason(e));
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  private String reason(Exception e) {
    if (e instanceof ConnectException) {
      return "connect refused";
    }
    if (e instanceof SocketTimeoutException timeout) {
      return timeout.getMessage() != null && timeout.getMessage().contains("connect")
          ? "no connection within " + connectMillis + " ms"
          : "no answer within " + readMillis + " ms";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
