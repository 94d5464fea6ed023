package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.time.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One sink's sender: takes messages from its own {@link Outbox} and delivers them with pacing and
 * backoff ({@link RetrySchedule}), so a slow sink never delays the log reader or the other sinks. A
 * failed attempt puts the message back: while the sink fails, the outbox collapses what was
 * overtaken, and nothing is given up. What became of each message is told by {@link Outcomes};
 * {@link SenderStop} ends it, leaving what is undelivered in the outbox for the state file.
 */
final class SinkWorker {
  /** How long the sender waits for a message before checking for a refresh. */
  private static final long IDLE_POLL_MILLIS = 1000;

  /**
   * The same for a sink that never refreshes: a message, a drop to report and a stop wake the
   * sender at once, so the wait is only a bound (an idle watcher wakes once a second, not twice).
   */
  private static final long IDLE_WAIT_MILLIS = 60_000;

  /** The longest single wait for the sender to end, so a moving {@link Timing} is noticed. */
  private static final long JOIN_SLICE_MILLIS = 50;

  private final Notifier notifier;
  private final SinkBox box;
  private final RetrySchedule schedule;
  private final Timing timing;
  private final SinkLog log;
  private final SinkCounts counts;
  private final Outcomes outcomes;
  private final DropReport drops = new DropReport();
  private final Thread thread;
  private final SenderStop stop;
  private long lastRequest; // sender thread only, as are all below
  private boolean requested;
  private int failures; // attempts failed in a row, of any message
  private Message current; // the message of the last attempt, and its attempts
  private int attempts;

  SinkWorker(
      Notifier notifier,
      int capacity,
      RetryPolicy policy,
      Timing timing,
      DeliveryCounts total,
      Consumer<Receipt> receipts,
      UnaryOperator<String> redact) {
    this.notifier = notifier;
    this.box = new SinkBox(new Outbox(notifier.name(), capacity, notifier.takesNotices()));
    this.schedule = new RetrySchedule(policy, notifier.minInterval());
    this.timing = timing;
    this.log = new SinkLog(notifier.name(), redact);
    this.counts = new SinkCounts(notifier.name());
    this.outcomes = new Outcomes(notifier.name(), total, counts, log, receipts, redact, timing);
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

  /** Queues {@code message} without blocking or throwing; a full outbox drops by its rank. */
  void offer(Message message) {
    if (message instanceof Notice && !notifier.takesNotices()) {
      return;
    }
    try {
      for (Outbox.Dropped dropped : box.add(message)) {
        if (dropped.reason() == DropReason.QUEUE_FULL) {
          drops.dropped(dropped.message());
          box.wakeUp(); // the sender logs it: the caller's thread never writes
        }
        outcomes.dropped(dropped.message(), dropped.reason());
      }
    } catch (RuntimeException bug) {
      outcomes.notQueued(bug);
    }
  }

  int queued() {
    return box.size();
  }

  SinkStats stats() {
    return counts.stats(box.size());
  }

  /** What is not delivered yet, the message being sent first. */
  List<Message> undelivered() {
    return box.undelivered();
  }

  /** Moves whenever {@link #undelivered()} may have changed. */
  long version() {
    return box.version();
  }

  /** Stops once the outbox is empty or at {@code deadlineNanos} (of {@link Timing#nanoTime()}). */
  void requestStop(long deadlineNanos) {
    stop.request(deadlineNanos);
    box.wakeUp();
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

  /** Abandons the request in progress, this sink's only: the stop budget is spent. */
  void forceStop() {
    stop.force();
    notifier.cancel();
  }

  /**
   * After the sender ended: what is left is kept for the state file ({@code kept}), or counted as
   * dropped at shutdown. Logs one line either way.
   */
  void leave(boolean kept) {
    int left = box.size();
    if (left == 0) {
      return;
    }
    String messages = left + (left == 1 ? " message" : " messages");
    if (kept) {
      log.warn(
          messages
              + " not delivered before shutdown, kept in the state file to send after a restart");
      return;
    }
    for (Message message : box.clear()) {
      outcomes.dropped(message, DropReason.SHUTDOWN);
    }
    log.warn(messages + " not delivered before shutdown and lost: no STATE_FILE keeps them");
  }

  private void run() {
    long idleWait = notifier.refreshes() ? IDLE_POLL_MILLIS : IDLE_WAIT_MILLIS;
    try {
      while (!stop.forced()) {
        drops.report(log);
        if (stop.drained(box.size())) {
          break;
        }
        List<Outbox.Dropped> superseded = new ArrayList<>();
        Message message = box.take(failures > 0, stop.stopping() ? 0 : idleWait, superseded);
        superseded.forEach(dropped -> outcomes.dropped(dropped.message(), dropped.reason()));
        try {
          if (message != null) {
            if (!deliver(message)) {
              break;
            }
          } else if (!stop.stopping()) {
            refresh();
          }
        } catch (RuntimeException bug) {
          box.settle(); // one bad message must not stop all
          log.error("internal error, the sender goes on: " + bug);
        }
      }
    } catch (InterruptedException forcedStop) {
      // forceStop: what is left stays in the outbox
    } finally {
      box.putBack();
      drops.report(log);
    }
  }

  /** One attempt; false when the stop deadline came (the message stays in the outbox). */
  private boolean deliver(Message message) throws InterruptedException {
    byte[] body;
    try {
      body = notifier.render(message);
    } catch (RuntimeException bug) {
      box.settle();
      outcomes.unrenderable(message, bug);
      return true;
    }
    if (!awaitPace()) {
      box.putBack();
      return false;
    }
    attempts = message.equals(current) ? attempts + 1 : 1;
    current = message;
    Attempt attempt = send(body);
    String reason = attempt.reason();
    if (attempt.answer() == Attempt.Answer.ACCEPTED) {
      box.settle();
      failures = 0;
      outcomes.delivered(message, reason, attempts);
      return true;
    }
    if (attempt.answer() == Attempt.Answer.REJECTED) {
      box.settle();
      outcomes.rejected(message, reason, notifier.explain(reason), attempts);
      return true;
    }
    box.putBack();
    failures++;
    if (stop.forced()) {
      outcomes.unanswered(message, reason);
      return false;
    }
    RetrySchedule.Retry retry =
        schedule.afterFailure(attempt, failures, timing.nanoTime(), timing.random());
    outcomes.failed(message, reason, retry.delay(), attempts, box.size());
    return stop.sleepUntil(retry.at()); // false: the retry would come after the stop deadline
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
}
