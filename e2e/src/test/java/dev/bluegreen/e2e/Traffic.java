package dev.bluegreen.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Steady client traffic through Nginx: a few threads, each GET /version in a loop. */
final class Traffic implements AutoCloseable {
  /** One request as the client saw it; status -1 when no answer came (connection error). */
  record Response(long startNanos, long nanos, int status, String pool, String error) {}

  static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

  private final List<Response> responses = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile boolean running = true;

  Traffic(int nginxPort, int threadCount, long pauseMillis) {
    URI uri = URI.create("http://127.0.0.1:" + nginxPort + "/version");
    for (int i = 0; i < threadCount; i++) {
      Thread t = new Thread(() -> loop(uri, pauseMillis), "traffic-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void loop(URI uri, long pauseMillis) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(CLIENT_TIMEOUT).GET().build();
    while (running) {
      long start = System.nanoTime();
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        responses.add(
            new Response(
                start,
                System.nanoTime() - start,
                r.statusCode(),
                r.headers().firstValue("X-App-Pool").orElse("-"),
                null));
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        responses.add(new Response(start, System.nanoTime() - start, -1, "-", e.toString()));
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  List<Response> responses() {
    return List.copyOf(responses);
  }

  /** Responses to requests started at or after {@code fromNanos} and before {@code toNanos}. */
  List<Response> between(long fromNanos, long toNanos) {
    return responses.stream()
        .filter(r -> r.startNanos() >= fromNanos && r.startNanos() < toNanos)
        .toList();
  }

  /**
   * True once the last {@code n} responses (started after {@code sinceNanos}) all came from pool.
   */
  boolean lastServedBy(String pool, int n, long sinceNanos) {
    List<Response> recent = between(sinceNanos, Long.MAX_VALUE);
    if (recent.size() < n) {
      return false;
    }
    return recent.subList(recent.size() - n, recent.size()).stream()
        .allMatch(r -> r.pool().equals(pool));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(CLIENT_TIMEOUT.toMillis() + 2_000);
    }
  }
}
