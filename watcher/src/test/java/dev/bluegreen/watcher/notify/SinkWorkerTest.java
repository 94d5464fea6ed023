package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.time.FakeTiming;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One sender and a hand-written sink with a bug: the sender reports it and goes on. */
class SinkWorkerTest {
  @RegisterExtension final Recorder recorder = new Recorder();
  private final FakeTiming timing = new FakeTiming();
  private final BrokenSink sink = new BrokenSink();
  private final SinkWorker worker =
      new SinkWorker(
          sink, 10, RetryPolicy.DEFAULT, timing, new DeliveryCounts(), recorder::add, t -> t);

  /** Throws from render or post, as a watcher bug would. */
  private static final class BrokenSink implements Notifier {
    volatile boolean renderBreaks;
    volatile boolean works;
    volatile int posts;

    @Override
    public String name() {
      return "broken";
    }

    @Override
    public String target() {
      return "nowhere";
    }

    @Override
    public boolean takesNotices() {
      return true;
    }

    @Override
    public Duration minInterval() {
      return Duration.ZERO;
    }

    @Override
    public byte[] render(Message message) {
      if (renderBreaks) {
        throw new IllegalStateException("render bug");
      }
      return new byte[0];
    }

    @Override
    public Attempt post(byte[] body) {
      posts++;
      if (works) {
        return Attempt.accepted();
      }
      throw new IllegalStateException("post bug");
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    worker.requestStop(timing.nanoTime());
    assertThat(worker.awaitUntil(timing.nanoTime() + Duration.ofSeconds(1).toNanos())).isTrue();
  }

  @Test
  void aMessageThatCannotBeRenderedIsRejectedWithoutARequestAndLoggedAsAnError() {
    sink.renderBreaks = true;
    worker.start();

    worker.offer(Message.of(Samples.failover()));

    assertThat(recorder.await(1).get(0))
        .isEqualTo(
            new Receipt(
                "broken",
                Message.of(Samples.failover()),
                Receipt.Outcome.REJECTED,
                "cannot render: java.lang.IllegalStateException: render bug",
                0));
    assertThat(sink.posts).isZero();
    assertThat(recorder.log())
        .contains(
            "ERROR broken: cannot render the failover alert: java.lang.IllegalStateException:"
                + " render bug");
  }

  @Test
  void aSinkThatThrowsIsRejectedOnceNotRetried() {
    worker.start();

    worker.offer(Message.of(Samples.failover()));
    worker.offer(Message.of(Samples.resolved()));

    assertThat(recorder.await(2))
        .extracting(Receipt::outcome, Receipt::attempts)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(Receipt.Outcome.REJECTED, 1));
    assertThat(sink.posts).isEqualTo(2);
    assertThat(recorder.log())
        .contains(
            "WARN broken: rejected the failover alert: internal error:"
                + " java.lang.IllegalStateException: post bug; not retried");
  }
}
