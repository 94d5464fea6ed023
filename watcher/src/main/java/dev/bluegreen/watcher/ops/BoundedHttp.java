package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 server that slow or stalled clients cannot freeze: one selector thread (java.nio)
 * reads every connection's head and body without blocking ({@link Connection}, {@link
 * RequestParser}), so a client that sends half a request holds a socket, never a thread; a
 * connection silent for {@link #READ_TIMEOUT} is closed; handlers run on a bounded pool, so a
 * control waiting for the reading thread never blocks the selector; connections are capped.
 *
 * <p>Chosen by measurement: the JDK's HttpServer reads a request's headers on its worker threads,
 * so as many stalled connections as workers froze it (2 of them, the whole port, until they left).
 * Jetty, used next, kept these guarantees but loaded 418 classes (about 13 MB of an idle watcher's
 * RSS) for the few routes of {@link AdminServer}.
 */
final class BoundedHttp implements Connection.Server, AutoCloseable {
  /** A connection that sends nothing for this long, mid-request or idle, is closed. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Under {@link #MAX_CONNECTIONS}, connections silent this long are closed, to make room at once.
   */
  static final Duration READ_TIMEOUT_WHEN_FULL = Duration.ofSeconds(1);

  /** Open connections at most; beyond it new ones wait in the kernel's backlog. */
  static final int MAX_CONNECTIONS = 256;

  /** Threads at most: the selector, and handlers (a control waits up to 2 x Controls.TIMEOUT). */
  static final int MAX_THREADS = 8;

  /** A request's line and headers, at most (431 beyond it). */
  static final int MAX_HEADER_BYTES = 8 * 1024;

  /** Connections the kernel holds for us while we accept none (at the cap). */
  static final int ACCEPT_BACKLOG = 64;

  private static final Logger log = LoggerFactory.getLogger(BoundedHttp.class);

  /** Serves one request on a handler thread; answers through the exchange, once. */
  @FunctionalInterface
  interface Handler {
    void handle(Exchange exchange) throws Exception;
  }

  private final ServerSocketChannel listener;
  private final Selector selector;
  private final SelectionKey accepting;
  private final Timing timing;
  private final HandlerPool handlers;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Set<Connection> connections = new HashSet<>(); // the selector thread's
  private final Thread loop;
  private volatile boolean running = true;

  private BoundedHttp(ServerSocketChannel listener, Handler handler, Timing timing)
      throws IOException {
    this.listener = listener;
    this.timing = timing;
    this.selector = Selector.open();
    this.accepting = listener.register(selector, SelectionKey.OP_ACCEPT);
    this.handlers = new HandlerPool(handler, MAX_THREADS - 1, "admin-http");
    this.loop = daemon(this::run, "admin-http-selector");
    loop.start();
  }

  /** Binds {@code bind:port} (0: a free port) and serves with {@code handler}. */
  static BoundedHttp start(String bind, int port, Handler handler, Timing timing)
      throws IOException {
    InetSocketAddress address = new InetSocketAddress(bind, port);
    if (address.isUnresolved()) {
      throw new IOException("cannot resolve the HTTP bind address " + bind);
    }
    ServerSocketChannel listener = ServerSocketChannel.open();
    try {
      listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      listener.bind(address, ACCEPT_BACKLOG);
      listener.configureBlocking(false);
      return new BoundedHttp(listener, handler, timing);
    } catch (IOException | RuntimeException e) {
      listener.close();
      throw e;
    }
  }

  int port() {
    return ((InetSocketAddress) listener.socket().getLocalSocketAddress()).getPort();
  }

  private void run() {
    try {
      while (running) {
        long wait = expire();
        selector.select(this::ready, wait);
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
          runSafely(task, null);
        }
      }
    } catch (IOException | RuntimeException e) {
      log.error("the HTTP server stopped: {}", e.toString());
    } finally {
      for (Connection connection : List.copyOf(connections)) {
        connection.close(new IOException("the server stops"));
      }
      closeQuietly();
    }
  }

  private void ready(SelectionKey key) {
    if (key == accepting) {
      accept();
      return;
    }
    Connection connection = (Connection) key.attachment();
    runSafely(
        () -> {
          if (key.isValid() && key.isReadable()) {
            connection.readable();
          }
          if (key.isValid() && key.isWritable()) {
            connection.writable();
          }
        },
        connection);
  }

  /** Runs {@code step}; a bug in it closes its connection (if any), never the server. */
  private static void runSafely(Runnable step, Connection connection) {
    try {
      step.run();
    } catch (RuntimeException e) {
      log.warn("the HTTP server's selector thread: {}", e.toString());
      if (connection != null) {
        connection.close(e);
      }
    }
  }

  private void accept() {
    while (connections.size() < MAX_CONNECTIONS) {
      SocketChannel channel;
      try {
        channel = listener.accept();
        if (channel == null) {
          return;
        }
      } catch (IOException e) {
        log.warn("accepting a connection: {}", e.toString());
        return;
      }
      try {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
        Connection connection = new Connection(channel, key, this);
        key.attach(connection);
        connections.add(connection);
      } catch (IOException e) {
        closeQuietly(channel); // it left at once
      }
    }
    accepting.interestOps(0); // at the cap: the kernel's backlog holds the next ones
  }

  /** Closes the connections silent too long; the milliseconds to the next deadline (0: none). */
  private long expire() {
    long now = timing.nanoTime();
    boolean full = connections.size() >= MAX_CONNECTIONS;
    long next = Long.MAX_VALUE;
    List<Connection> expired = new ArrayList<>();
    for (Connection connection : connections) {
      long timeout = connection.timeoutNanos(full);
      if (timeout >= 0) {
        long left = connection.lastProgress() + timeout - now;
        if (left <= 0) {
          expired.add(connection);
        } else {
          next = Math.min(next, left);
        }
      }
    }
    expired.forEach(connection -> connection.close(new IOException("silent too long")));
    return next == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(next) + 1);
  }

  @Override
  public void dispatch(Exchange exchange) {
    handlers.dispatch(exchange);
  }

  @Override
  public void post(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  @Override
  public void closed(Connection connection) {
    connections.remove(connection);
    if (running && accepting.isValid() && connections.size() < MAX_CONNECTIONS) {
      accepting.interestOps(SelectionKey.OP_ACCEPT);
    }
  }

  @Override
  public long nanoTime() {
    return timing.nanoTime();
  }

  @Override
  public long millis() {
    return timing.millis();
  }

  /** Stops accepting, closes every connection (open streams are told) and the port. */
  @Override
  public void close() {
    running = false;
    selector.wakeup();
    handlers.close();
    if (Thread.currentThread() != loop) {
      try {
        loop.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void closeQuietly() {
    closeQuietly(listener);
    closeQuietly(selector);
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
