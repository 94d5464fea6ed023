package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.Await;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake webhook: answers from a script, then with {@code otherwise}; records when each request
 * came on a given clock; can hold requests until released (a hung Slack).
 */
public final class Script extends Dispatcher {
  private final Deque<MockResponse> script = new ArrayDeque<>();
  private final List<Long> arrivals = new ArrayList<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final LongSupplier clock;
  private MockResponse otherwise = Servers.ok();
  private volatile CountDownLatch gate;

  public Script(LongSupplier clock) {
    this.clock = clock;
  }

  public synchronized Script then(MockResponse... responses) {
    script.addAll(List.of(responses));
    return this;
  }

  public synchronized Script otherwise(MockResponse response) {
    otherwise = response;
    return this;
  }

  /** Requests wait (at most 20 s) until {@link #release()}. */
  public Script hold() {
    gate = new CountDownLatch(1);
    return this;
  }

  public void release() {
    CountDownLatch held = gate;
    if (held != null) {
      held.countDown();
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    synchronized (this) {
      arrivals.add(clock.getAsLong());
      requests.add(request);
    }
    CountDownLatch held = gate;
    if (held != null) {
      held.await(20, TimeUnit.SECONDS);
    }
    synchronized (this) {
      return script.isEmpty() ? otherwise : script.poll();
    }
  }

  /** Waits until {@code count} requests arrived (a hang fails after {@link Await#LIMIT}). */
  public void awaitRequests(int count) {
    Await.until(count + " requests", () -> requests().size() >= count, () -> arrivals().toString());
  }

  public synchronized List<Long> arrivals() {
    return List.copyOf(arrivals);
  }

  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The time between consecutive requests, in nanoseconds. */
  public synchronized List<Long> gaps() {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < arrivals.size(); i++) {
      gaps.add(arrivals.get(i) - arrivals.get(i - 1));
    }
    return gaps;
  }
}
