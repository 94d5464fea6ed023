package dev.bluegreen.watcher.ops;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that run handlers, at most {@code threads}, started on demand and gone after 30 s
 * without work (an idle watcher keeps none); a request whose handler fails or forgets to answer is
 * answered 500.
 */
final class HandlerPool {
  private static final Logger log = LoggerFactory.getLogger(HandlerPool.class);

  private final BoundedHttp.Handler handler;
  private final ThreadPoolExecutor threads;

  HandlerPool(BoundedHttp.Handler handler, int threads, String name) {
    this.handler = handler;
    AtomicInteger made = new AtomicInteger();
    this.threads =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            // unbounded, yet bounded by the connections: each has one request in handling at most
            new LinkedBlockingQueue<>(),
            task -> BoundedHttp.daemon(task, name + "-" + made.incrementAndGet()));
    this.threads.allowCoreThreadTimeOut(true);
  }

  /** Runs {@code exchange}'s handler on a pool thread; never blocks. */
  void dispatch(Exchange exchange) {
    try {
      threads.execute(() -> serve(exchange));
    } catch (RejectedExecutionException stopping) {
      // the server stops: the connection closes with it
    }
  }

  private void serve(Exchange exchange) {
    Request request = exchange.request();
    try {
      handler.handle(exchange);
    } catch (Exception e) {
      log.warn("{} {} failed: {}", request.method(), request.path(), e.toString());
    } finally {
      if (!exchange.answered()) {
        exchange.respond(Response.error(500, "internal error"));
      }
    }
  }

  /** Interrupts the handlers running and runs no more. */
  void close() {
    threads.shutdownNow();
  }
}
