package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.time.Timing;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One sink's sender: takes messages from its own bounded queue in order and delivers each with
 * retries and pacing ({@link RetrySchedule}), so a slow sink never delays the log reader or the
 * other sinks. What became of each message is told by {@link Outcomes}, queue drops by {@link
 * DropReport}; {@link SenderStop} ends it. Every log line goes through a redactor of all configured
 * secrets.
 */
final class SinkWorker {
  /** How long the sender waits for a message before checking for a refresh or a stop. */
  private static final long IDLE_POLL_MILLIS = 1000;

  /** The longest single wait for the sender to end, so a moving {@link Timing} is noticed. */
  private static final long JOIN_SLICE_MILLIS = 50;

  private final Notifier notifier;
  private final DeliveryQueue queue;
  private final RetrySchedule schedule;
  private final Timing timing;
  private final SinkLog log;
  private final Outcomes outcomes;
  private final DropReport drops = new DropReport();
  private final Thread thread;
  private final SenderStop stop;
  private volatile long failingSince; // wall millis of the first failure since a delivery, or 0
  private final java.util.concurrent.atomic.AtomicLong dropped =
      new java.util.concurrent.atomic.AtomicLong();
  private long lastRequest; // sender thread only, as is requested
  private boolean requested;

  SinkWorker(
      Notifier notifier,
      int capacity,
      RetryPolicy policy,
      Timing timing,
      DeliveryCounts counts,
      Consumer<Receipt> receipts,
      UnaryOperator<String> redact) {
    this.notifier = notifier;
    this.queue = new DeliveryQueue(capacity);
    this.schedule = new RetrySchedule(policy, notifier.minInterval());
    this.timing = timing;
    this.log = new SinkLog(notifier.name(), redact);
    this.outcomes = new Outcomes(notifier.name(), counts, log, receipts, redact);
    this.thread = new Thread(this::run, "alert-sender-" + notifier.name());
    thread.setDaemon(true);
    this.stop = new SenderStop(timing, thread);
  }

  Notifier notifier() {
    return notifier;
  }

  void start() {
    thread.start();
  }

  /** Queues {@code message} without blocking or throwing; a full queue drops by its rank. */
  void offer(Message message) {
    if (message instanceof Notice && !notifier.takesNotices()) {
      return;
    }
    try {
      Message dropped = queue.offer(message);
      if (dropped != null) {
        this.dropped.incrementAndGet();
        drops.dropped(dropped);
        queue.wakeUp(); // the sender logs it: the caller's thread never writes
        outcomes.dropped(dropped, "queue full");
      }
    } catch (RuntimeException bug) {
      outcomes.notQueued(bug);
    }
  }

  int queued() {
    return queue.size();
  }

  /** Whether this sink has been failing since when, and what it dropped, for health. */
  SinkHealth health() {
    return new SinkHealth(notifier.name(), failingSince, dropped.get());
  }

  private void failed() {
    if (failingSince == 0) {
      failingSince = timing.millis();
    }
  }

  /** Stops once the queue is empty or at {@code deadlineNanos} (of {@link Timing#nanoTime()}). */
  void requestStop(long deadlineNanos) {
    stop.request(deadlineNanos);
    queue.wakeUp();
  }

  /** Waits for the sender to end until {@code deadlineNanos}; false if it is still running. */
  boolean awaitUntil(long deadlineNanos) throws InterruptedException {
    while (thread.isAlive()) {
      long left = deadlineNanos - timing.nanoTime();
      if (left <= 0) {
        return false;
      }
      thread.join(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), JOIN_SLICE_MILLIS)));
    }
    return true;
  }

  /** Abandons the message in progress, and this sink's request with it: the drain time is over. */
  void forceStop() {
    stop.force();
    notifier.cancel();
  }

  private void run() {
    Message unsent = null;
    try {
      while (!stop.forced()) {
        drops.report(log);
        if (stop.drained(queue.size())) {
          break;
        }
        Message message =
            stop.stopping() ? queue.pollNow() : queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        try {
          if (message != null) {
            if (!deliver(message)) {
              unsent = message;
              break;
            }
          } else if (!stop.stopping()) {
            refresh();
          }
        } catch (RuntimeException bug) {
          // one bad message must not stop all
          log.error("internal error, the sender goes on: " + bug);
        }
      }
    } catch (InterruptedException forcedStop) {
      // forceStop: what is left is counted below
    } finally {
      drops.report(log);
      dropRemaining(unsent);
    }
  }

  /** Delivers, retries or gives up; false when shut down before a first attempt was made. */
  private boolean deliver(Message message) throws InterruptedException {
    byte[] body;
    try {
      body = notifier.render(message);
    } catch (RuntimeException bug) {
      outcomes.unrenderable(message, bug);
      return true;
    }
    long first = timing.nanoTime();
    int attempts = 0;
    String reason = "not sent";
    while (!stop.forced() && awaitPace()) {
      attempts++;
      Attempt attempt = send(body);
      reason = attempt.reason();
      if (attempt.answer() == Attempt.Answer.ACCEPTED) {
        failingSince = 0;
        outcomes.delivered(message, reason, attempts);
        return true;
      }
      failed();
      if (attempt.answer() == Attempt.Answer.REJECTED) {
        outcomes.rejected(message, reason, notifier.explain(reason), attempts);
        return true;
      }
      RetrySchedule.Retry retry =
          schedule.afterFailure(attempt, attempts, first, timing.nanoTime(), timing.random());
      if (retry == null) {
        break; // still failing at the give-up time
      }
      outcomes.retrying(message, reason, retry.delay(), attempts);
      if (!stop.sleepUntil(retry.at())) {
        break; // the retry would come after the stop deadline
      }
    }
    if (attempts == 0) {
      return false; // the drain time is over before its turn came
    }
    outcomes.gaveUp(message, reason, attempts, stop.stopping());
    return true;
  }

  /** Waits for the pace; false when that wait would end past the stop deadline. */
  private boolean awaitPace() throws InterruptedException {
    return !requested || stop.sleepUntil(schedule.pacedAfter(lastRequest));
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
    if (body == null || !awaitPace()) {
      return;
    }
    Attempt attempt = send(body);
    if (attempt.answer() != Attempt.Answer.ACCEPTED) {
      log.trouble(
          attempt.reason(),
          "re-sending firing alerts failed: " + attempt.reason() + "; tried again in a minute");
    }
  }

  /** Counts what was not sent at shutdown: {@code first} (may be null), then the queue. */
  private void dropRemaining(Message first) {
    int left = 0;
    Message message = first;
    while (message != null || (message = queue.pollNow()) != null) {
      left++;
      dropped.incrementAndGet();
      outcomes.dropped(message, "still queued at shutdown");
      message = null;
    }
    if (left > 0) {
      log.warn(
          left + " queued message" + (left == 1 ? " was" : "s were") + " not sent before shutdown");
    }
  }
}
