package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.time.Timing;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One sink's sender: takes messages from its own bounded queue in order and delivers each with
 * retries (exponential backoff with jitter, or the sink's Retry-After), never more than one request
 * per {@link Notifier#minInterval()}. A slow sink therefore never delays the log reader or the
 * other sinks. Log lines and receipts go through a redactor of every configured secret; a repeated
 * failure is logged once until its reason changes.
 */
final class SinkWorker {
  /** How long the sender waits for a message before checking for a refresh or a stop. */
  private static final long IDLE_POLL_MILLIS = 1000;

  /** Shared counts of all sinks. */
  static final class Counters {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
  }

  private final Notifier notifier;
  private final DeliveryQueue queue;
  private final RetryPolicy policy;
  private final Timing timing;
  private final Counters counters;
  private final PrintWriter log;
  private final Consumer<Receipt> receipts;
  private final UnaryOperator<String> redact;
  private final Thread thread;

  private final Object wakeLock = new Object();
  private boolean sleeping; // guarded by wakeLock: only a sleeping sender is interrupted
  private volatile boolean stopping;
  private volatile boolean forced;
  private volatile long stopDeadline;

  private final AtomicLong droppedHere = new AtomicLong();
  private volatile String lastDropped;
  private long nextDropReport = 1;
  private long lastRequest;
  private boolean requested;
  private String lastTrouble;

  SinkWorker(
      Notifier notifier,
      int capacity,
      RetryPolicy policy,
      Timing timing,
      Counters counters,
      PrintWriter log,
      Consumer<Receipt> receipts,
      UnaryOperator<String> redact) {
    this.notifier = notifier;
    this.queue = new DeliveryQueue(capacity);
    this.policy = policy;
    this.timing = timing;
    this.counters = counters;
    this.log = log;
    this.receipts = receipts;
    this.redact = redact;
    this.thread = new Thread(this::run, "alert-sender-" + notifier.name());
    thread.setDaemon(true);
  }

  Notifier notifier() {
    return notifier;
  }

  void start() {
    thread.start();
  }

  /** Queues {@code message} without blocking; a full queue drops by {@link DeliveryQueue}. */
  void offer(Message message) {
    if (message instanceof Notice && !notifier.takesNotices()) {
      return;
    }
    Message dropped = queue.offer(message);
    if (dropped != null) {
      counters.dropped.incrementAndGet();
      lastDropped = dropped.describe();
      droppedHere.incrementAndGet();
      queue.wakeUp(); // the sender logs it: the caller's thread never writes
      receipt(dropped, Receipt.Outcome.DROPPED, "queue full", 0);
    }
  }

  /** Logs queue drops from the sender thread: at the 1st, 10th, 100th and every 1000th. */
  private void reportDrops() {
    long n = droppedHere.get();
    if (n >= nextDropReport) {
      logDrops(n);
      nextDropReport = n < 10 ? 10 : n < 100 ? 100 : (n / 1000 + 1) * 1000;
    }
  }

  private void logDrops(long n) {
    log(
        "queue full: dropped the oldest "
            + lastDropped
            + " ("
            + n
            + " dropped so far; recoveries and resolutions are kept longest)");
  }

  int queued() {
    return queue.size();
  }

  /** Stops once the queue is empty or at {@code deadlineNanos} (of {@link Timing#nanoTime()}). */
  void requestStop(long deadlineNanos) {
    stopDeadline = deadlineNanos;
    stopping = true;
    queue.wakeUp();
    synchronized (wakeLock) {
      if (sleeping) {
        thread.interrupt(); // a backoff longer than the drain: decide again with the deadline
      }
    }
  }

  /** Waits for the sender to end; false if it is still running after {@code timeout}. */
  boolean await(Duration timeout) throws InterruptedException {
    thread.join(Math.max(1, timeout.toMillis()));
    return !thread.isAlive();
  }

  /** Abandons the message in progress: the drain time is over. */
  void forceStop() {
    synchronized (wakeLock) {
      forced = true;
      thread.interrupt();
    }
    notifier.cancel();
  }

  private void run() {
    Message unsent = null;
    try {
      while (!forced) {
        reportDrops();
        if (stopping && (queue.size() == 0 || timing.nanoTime() - stopDeadline >= 0)) {
          break;
        }
        Message message =
            stopping ? queue.pollNow() : queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        try {
          if (message != null) {
            if (!deliver(message)) {
              unsent = message;
              break;
            }
          } else if (!stopping) {
            refresh();
          }
        } catch (RuntimeException bug) {
          log("internal error, the sender goes on: " + bug); // one bad message must not stop all
        }
      }
    } catch (InterruptedException forcedStop) {
      // forceStop: what is left is counted below
    } finally {
      reportDrops();
      dropRemaining(unsent);
    }
  }

  /** Delivers, retries or gives up; false when shut down before a first attempt was made. */
  private boolean deliver(Message message) throws InterruptedException {
    byte[] body;
    try {
      body = notifier.render(message);
    } catch (RuntimeException bug) {
      counters.failed.incrementAndGet();
      log("cannot render the " + message.describe() + ": " + bug);
      receipt(message, Receipt.Outcome.REJECTED, "cannot render: " + bug, 0);
      return true;
    }
    long first = timing.nanoTime();
    int attempts = 0;
    String reason = "not sent";
    while (!forced) {
      if (!sleepUntil(lastRequest + notifier.minInterval().toNanos())) {
        break;
      }
      attempts++;
      Attempt attempt = send(body);
      reason = attempt.reason();
      switch (attempt.verdict()) {
        case ACCEPTED -> {
          counters.sent.incrementAndGet();
          if (lastTrouble != null) {
            log("delivering again (" + message.describe() + " accepted)");
            lastTrouble = null;
          }
          receipt(message, Receipt.Outcome.DELIVERED, reason, attempts);
          return true;
        }
        case REJECTED -> {
          counters.failed.incrementAndGet();
          log(
              "rejected the "
                  + message.describe()
                  + ": "
                  + reason
                  + notifier.explain(reason)
                  + "; not retried ("
                  + counters.failed.get()
                  + " failed so far)");
          receipt(message, Receipt.Outcome.REJECTED, reason, attempts);
          return true;
        }
        case RETRY -> {
          Duration delay =
              attempt.retryAfter() != null
                  ? attempt.retryAfter()
                  : policy.nextDelay(attempts, timing.random());
          if (delay.compareTo(notifier.minInterval()) < 0) {
            delay = notifier.minInterval(); // the pace holds for retries too
          }
          long retryAt = timing.nanoTime() + delay.toNanos();
          if (retryAt - first > policy.giveUpAfter().toNanos()) {
            break;
          }
          counters.retries.incrementAndGet();
          trouble(reason, message, delay, attempts);
          if (!sleepUntil(retryAt)) {
            break;
          }
        }
      }
    }
    if (attempts == 0) {
      return false; // the drain time is over before its turn came
    }
    counters.failed.incrementAndGet();
    log(
        "gave up on the "
            + message.describe()
            + " after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + (stopping ? " (shutting down)" : "")
            + ": "
            + reason);
    receipt(message, Receipt.Outcome.GAVE_UP, reason, attempts);
    return true;
  }

  /**
   * One request. The pace counts from its end: the next request then reaches the sink at least
   * {@link Notifier#minInterval()} after this one did, whatever the network's delays.
   */
  private Attempt send(byte[] body) {
    try {
      return notifier.post(body);
    } catch (RuntimeException bug) {
      // not a network failure: the same request would fail the same way
      return Attempt.rejected("internal error: " + bug);
    } finally {
      lastRequest = timing.nanoTime();
      requested = true;
    }
  }

  /** Alertmanager forgets firing alerts that are not re-sent: one attempt, when idle. */
  private void refresh() throws InterruptedException {
    byte[] body = notifier.refresh(timing.now());
    if (body == null || !sleepUntil(lastRequest + notifier.minInterval().toNanos())) {
      return;
    }
    Attempt attempt = send(body);
    if (attempt.verdict() != Attempt.Verdict.ACCEPTED && !attempt.reason().equals(lastTrouble)) {
      lastTrouble = attempt.reason();
      log("re-sending firing alerts failed: " + attempt.reason() + "; tried again in a minute");
    }
  }

  /**
   * Sleeps until {@code atNanos}; false when that is past the stop deadline, so the message is
   * given up instead of holding the shutdown.
   */
  private boolean sleepUntil(long atNanos) throws InterruptedException {
    while (true) {
      long remaining = atNanos - timing.nanoTime();
      if (!requested || remaining <= 0) {
        return true;
      }
      synchronized (wakeLock) {
        if (forced || (stopping && atNanos - stopDeadline > 0)) {
          return false;
        }
        sleeping = true;
      }
      try {
        timing.sleep(remaining);
      } catch (InterruptedException wokenUp) {
        if (forced) {
          throw wokenUp;
        }
      } finally {
        synchronized (wakeLock) {
          sleeping = false;
          if (!forced) {
            Thread.interrupted(); // a wake-up for the stop request, handled by the loop
          }
        }
      }
    }
  }

  private void trouble(String reason, Message message, Duration delay, int attempts) {
    if (reason.equals(lastTrouble)) {
      return;
    }
    lastTrouble = reason;
    log(
        String.format(
            Locale.ROOT,
            "%s: %s; retrying in %.1f s (attempt %d; the same failure is logged again only once it"
                + " changes)",
            message.describe(),
            reason,
            delay.toMillis() / 1000.0,
            attempts + 1));
  }

  /** Counts what was not sent at shutdown: {@code first} (may be null), then the queue. */
  private void dropRemaining(Message first) {
    int left = 0;
    Message message = first;
    while (message != null || (message = queue.pollNow()) != null) {
      left++;
      counters.dropped.incrementAndGet();
      receipt(message, Receipt.Outcome.DROPPED, "still queued at shutdown", 0);
      message = null;
    }
    if (left > 0) {
      log(left + " queued message" + (left == 1 ? " was" : "s were") + " not sent before shutdown");
    }
  }

  private void receipt(Message message, Receipt.Outcome outcome, String reason, int attempts) {
    try {
      receipts.accept(
          new Receipt(notifier.name(), message, outcome, redact.apply(reason), attempts));
    } catch (RuntimeException ignored) {
      // an observer's failure must not stop delivery
    }
  }

  private void log(String line) {
    log.println(redact.apply("watcher: " + notifier.name() + ": " + line));
    log.flush();
  }
}
