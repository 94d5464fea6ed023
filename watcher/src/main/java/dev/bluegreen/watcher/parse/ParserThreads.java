package dev.bluegreen.watcher.parse;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that help {@link BlockParser}s, shared by every parser and started when first needed:
 * one per core besides the caller's (helpers beyond that wait their turn and find the block done),
 * daemons, so they never hold the JVM up.
 */
final class ParserThreads {
  static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          Math.max(1, BlockParser.DEFAULT_THREADS - 1),
          new ThreadFactory() {
            private final AtomicInteger made = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
              Thread thread = new Thread(task, "line-parser-" + made.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            }
          });

  private ParserThreads() {}
}
