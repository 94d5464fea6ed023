package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.json.Json;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status page's server-sent events ({@code GET /events}): a full snapshot when a client
 * connects, then one whenever what the page shows changed (told by the reading thread's publish,
 * never by a timer), and a comment every {@link #HEARTBEAT} so proxies keep the stream open. At
 * most {@link #MAX_CLIENTS}; writes never block: each client has one write in flight and at most
 * one snapshot waiting (a newer one replaces it), and a client whose write has not finished after a
 * heartbeat period is dropped, so a stalled browser costs a socket and two buffers, never a thread,
 * and delays nobody.
 */
final class EventStream implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventStream.class);

  /** Clients at most; beyond it, 503. */
  static final int MAX_CLIENTS = 16;

  /** How often a comment keeps an idle stream open; a write stuck this long drops its client. */
  static final Duration HEARTBEAT = Duration.ofSeconds(20);

  /** A stream's connection is closed when nothing moves on it this long (3 heartbeats). */
  static final Duration IDLE_TIMEOUT = HEARTBEAT.multipliedBy(3);

  private static final byte[] COMMENT = ": still here\n\n".getBytes(StandardCharsets.US_ASCII);

  private final Supplier<LiveView> views;
  private final Timing timing;
  private final List<SseClient> clients = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService heartbeat; // started with the first page; guarded by this
  private LiveView lastSent; // the state last sent; guarded by this

  EventStream(Supplier<LiveView> views, Timing timing) {
    this.views = views;
    this.timing = timing;
  }

  /**
   * The heartbeat's thread, started when the first page connects: a watcher nobody looks at has
   * none.
   */
  private void startHeartbeat() {
    if (heartbeat != null) {
      return;
    }
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "status-page-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    long every = HEARTBEAT.toMillis();
    heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /** Opens a stream for a client; false (nothing written) when {@link #MAX_CLIENTS} are open. */
  boolean open(Exchange exchange) {
    SseClient client;
    byte[] snapshot;
    synchronized (this) {
      if (clients.size() >= MAX_CLIENTS) {
        return false;
      }
      LiveView view = views.get();
      snapshot = frame(json(PageDocument.of(view, timing.millis())));
      if (clients.isEmpty()) {
        lastSent = view; // what the stream's first client saw: the next change counts
      }
      startHeartbeat();
      Map<String, String> head = new LinkedHashMap<>();
      head.put("Content-Type", "text/event-stream; charset=utf-8");
      head.put("Cache-Control", "no-store");
      head.put("X-Accel-Buffering", "no"); // Nginx in front: do not buffer
      ResponseStream stream = exchange.stream(200, head, IDLE_TIMEOUT);
      client = new SseClient(stream::write, stream::close, timing, clients::remove);
      clients.add(client);
      stream.onClose(client::drop);
    }
    client.send(snapshot);
    return true;
  }

  /** The reading thread published: sends the snapshot to every client if what it shows changed. */
  void published() {
    if (clients.isEmpty()) {
      return; // nobody watches: nothing is built
    }
    byte[] event;
    synchronized (this) {
      LiveView view = views.get();
      if (SameState.of(view, lastSent)) {
        return;
      }
      lastSent = view;
      event = frame(json(PageDocument.of(view, timing.millis())));
    }
    for (SseClient client : clients) {
      client.send(event);
    }
  }

  int clients() {
    return clients.size();
  }

  private static byte[] json(Map<String, Object> body) {
    try {
      return Json.bytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the status page's JSON", e);
    }
  }

  /** One SSE event named {@code status}; JSON holds no raw newline, so one data line. */
  private static byte[] frame(byte[] json) {
    byte[] head = "event: status\ndata: ".getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + json.length + 2];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(json, 0, out, head.length, json.length);
    out[out.length - 2] = '\n';
    out[out.length - 1] = '\n';
    return out;
  }

  private void beat() {
    try {
      for (SseClient client : clients) {
        client.heartbeat(COMMENT, HEARTBEAT);
      }
    } catch (RuntimeException e) {
      log.warn("status page heartbeat failed: {}", e.toString()); // the next one tries again
    }
  }

  /** Ends every stream. */
  @Override
  public void close() {
    synchronized (this) {
      if (heartbeat != null) {
        heartbeat.shutdownNow();
      }
    }
    for (SseClient client : clients) {
      client.drop(new IOException("the watcher stops"));
    }
  }
}
