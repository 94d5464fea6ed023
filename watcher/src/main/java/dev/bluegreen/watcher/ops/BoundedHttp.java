package dev.bluegreen.watcher.ops;

import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An HTTP server that slow or stalled clients cannot freeze (Jetty): one selector thread reads
 * every connection's headers and body without blocking, so a client that sends half a request holds
 * a socket, never a thread; a connection silent for {@link #READ_TIMEOUT} is closed; handlers run
 * on a bounded pool behind a bounded queue; connections are capped.
 *
 * <p>Chosen by measurement: the JDK's HttpServer reads a request's headers on its worker threads,
 * so as many stalled connections as workers froze it (2 of them, the whole port, until they left).
 */
final class BoundedHttp {
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

  /**
   * Jetty's cache-line padding asks the JVM whether references are compressed through JMX unless
   * told: starting the platform MBean server for it loaded some 200 classes and cost about 4 MB of
   * RSS. With the watcher's heap (far under 32 GB) references are compressed: 64 / 4 per line.
   */
  static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  private BoundedHttp() {}

  /**
   * Builds, binds and starts a server on {@code bind:port} (0: a free port) for {@code handler}.
   */
  static Server start(String bind, int port, Handler handler) throws Exception {
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(REFERENCES_PER_CACHE_LINE, "16"); // before Jetty's MemoryUtils loads
    }
    // Jetty's own advice: an unbounded task queue (a rejected selector task would stall every
    // connection); MAX_CONNECTIONS bounds what can wait in it.
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName("admin-http");
    threads.setDaemon(true);
    threads.setReservedThreads(0);
    Server server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setRequestHeaderSize(MAX_HEADER_BYTES);
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    ServerConnector connector =
        new ServerConnector(server, 0, 1, new HttpConnectionFactory(config));
    connector.setHost(bind);
    connector.setPort(port);
    connector.setIdleTimeout(READ_TIMEOUT.toMillis());
    connector.setAcceptQueueSize(64);
    server.addConnector(connector);
    NetworkConnectionLimit limit = new NetworkConnectionLimit(MAX_CONNECTIONS, connector);
    limit.setEndPointIdleTimeout(READ_TIMEOUT_WHEN_FULL.toMillis());
    server.addBean(limit);
    server.setHandler(handler);
    server.setStopTimeout(0);
    server.start();
    return server;
  }

  /** The port {@code server} listens on. */
  static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }
}
