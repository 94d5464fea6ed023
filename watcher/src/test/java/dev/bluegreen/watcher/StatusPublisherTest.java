package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.source.FollowerStatus;
import dev.bluegreen.watcher.source.LogAccess;
import dev.bluegreen.watcher.time.FakeTiming;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How often the live status is rebuilt: soon after a change, seldom while nothing happens (an idle
 * watcher polls every second, and rebuilding at each poll was half its idle CPU).
 */
class StatusPublisherTest {
  private static final FollowerStatus FOLLOWING =
      new FollowerStatus(true, false, 0, 0, null, LogAccess.READABLE, null);

  private final FakeTiming timing = new FakeTiming();
  private StatusPublisher publisher;
  private int publishes;

  @BeforeEach
  void setUp() {
    WatcherConfig config = WatcherConfig.load(new Settings(Map.of(), Map.of()));
    RecordingOutlet outlet = new RecordingOutlet();
    publisher =
        new StatusPublisher(
            "access.log",
            config.windowSize(),
            new Pipeline(config, timing, outlet),
            outlet,
            () -> null,
            null,
            List.of(),
            timing);
    publisher.publish(FOLLOWING);
    timing.advance(Duration.ofSeconds(1));
    publisher.publishIfDue(FOLLOWING, 0); // the poll after the start: the change count is known
    publisher.onPublish(() -> publishes++);
  }

  /** Polls once a second for {@code seconds}, with the same change count each time. */
  private void idleFor(int seconds, long changes) {
    for (int s = 0; s < seconds; s++) {
      timing.advance(Duration.ofSeconds(1));
      publisher.publishIfDue(FOLLOWING, changes);
    }
  }

  @Test
  void whileNothingChangesTheStatusIsRebuiltEveryTenSecondsOnly() {
    idleFor(8, 0);
    assertThat(publishes).isZero();

    idleFor(1, 0); // 9 s: a wake-up of the follower a little short of 10 s does it
    assertThat(publishes).as("time-driven verdicts (a grace period ending) still show").isOne();

    idleFor(20, 0);
    assertThat(publishes).isEqualTo(3);
  }

  @Test
  void aChangeIsPublishedWithinTheBusyIntervalButNotAtEveryPoll() {

    timing.advance(Duration.ofMillis(100));
    publisher.publishIfDue(FOLLOWING, 7); // lines came 100 ms after the last publish
    assertThat(publishes).isZero();

    timing.advance(Duration.ofMillis(100));
    publisher.publishIfDue(FOLLOWING, 7); // none since, but the last publish does not show them
    assertThat(publishes).isEqualTo(1);
    assertThat(publisher.status().following()).isTrue();

    timing.advance(Duration.ofMillis(300));
    publisher.publishIfDue(FOLLOWING, 7);
    assertThat(publishes).isEqualTo(1);
  }

  @Test
  void aChangeOfTheFollowersStatusIsAChange() {
    FollowerStatus unreadable =
        new FollowerStatus(false, false, 0, 0, null, LogAccess.UNREADABLE, "permission denied");

    timing.advance(Duration.ofSeconds(1));
    publisher.publishIfDue(unreadable, 0);

    assertThat(publishes).isEqualTo(1);
    assertThat(publisher.status().following()).isFalse();
  }
}
