package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.source.FollowerStatus;
import dev.bluegreen.watcher.source.LogAccess;
import dev.bluegreen.watcher.source.LogFollower;
import dev.bluegreen.watcher.time.FakeTiming;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the live watcher asks its follower to poll a quiet log ({@code nextPollWithinMillis}): at
 * the poll's pace while something waits on time alone, never while nothing does, so that an idle
 * follower wakes only for its safety looks (issue 15: idle CPU). The test is the reading thread: it
 * hands lines and polls to a watcher that was never started, on a fake clock.
 */
class LivePaceTest {
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final FollowerStatus FOLLOWING =
      new FollowerStatus(true, false, 0, 0, null, LogAccess.READABLE, null);

  @TempDir Path dir;

  private final FakeTiming timing = new FakeTiming();
  private final RecordingOutlet outlet = new RecordingOutlet();
  private LiveWatcher watcher;

  @BeforeEach
  void setUp() throws Exception {
    Path log = Files.createFile(dir.resolve("access.log"));
    WatcherConfig config = WatcherConfig.load(new Settings(Map.of(), Map.of()));
    LiveConfig live =
        new LiveConfig(
            log, LogFollower.Start.END, dir.resolve("state.json"), "127.0.0.1", 0, false);
    watcher = new LiveWatcher(config, live, outlet, timing, POLL);
    watcher.startFile(log.toString(), 0);
    quietPollAfter(Duration.ofSeconds(1));
  }

  @AfterEach
  void tearDown() {
    watcher.close();
  }

  private void quietPollAfter(Duration wait) {
    timing.advance(wait);
    watcher.poll(FOLLOWING);
  }

  private void request(String pool, String upstreamStatus) {
    String line =
        "127.0.0.1 - - [01/Jan/2025:03:00:01 +0000] \"GET /version HTTP/1.1\" status=200"
            + " body_bytes=57 pool="
            + pool
            + " release=v1 upstream_status="
            + upstreamStatus
            + " upstream_addr=10.0.0.2:3000 request_time=0.004 upstream_response_time=0.004"
            + " request_id=r";
    byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
    watcher.line(bytes, 0, bytes.length);
  }

  @Test
  void anIdleWatcherAsksForNoPollOfItsOwn() {
    assertThat(watcher.nextPollWithinMillis()).isEqualTo(Long.MAX_VALUE);

    quietPollAfter(Duration.ofSeconds(30));

    assertThat(watcher.nextPollWithinMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aPoolWaitingToSettleKeepsThePollsComingUntilItIsAnnounced() {
    request("blue", "200");
    request("green", "502, 200"); // a failover, told at once
    request("blue", "200"); // back on blue: a recovery once blue served 5 s or 3 requests
    quietPollAfter(Duration.ofSeconds(1));
    quietPollAfter(Duration.ofSeconds(1)); // the checkpoint and the status caught up

    assertThat(outlet.kinds()).containsExactly(AlertKind.FAILOVER);
    assertThat(watcher.nextPollWithinMillis())
        .as("the recovery waits on time alone")
        .isEqualTo(POLL.toMillis());

    quietPollAfter(Duration.ofSeconds(4));
    quietPollAfter(Duration.ofSeconds(1)); // and the recovery is saved and published

    assertThat(outlet.kinds()).containsExactly(AlertKind.FAILOVER, AlertKind.RECOVERY);
    assertThat(watcher.nextPollWithinMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aHeldNoticeKeepsThePollsComingUntilItIsSent() {
    watcher.maintenance(true);
    watcher.maintenance(false); // within the notices' spacing: held
    quietPollAfter(Duration.ofSeconds(1)); // applies both
    quietPollAfter(Duration.ofSeconds(1)); // and the status shows them

    assertThat(outlet.notices()).containsExactly("maintenance on");
    assertThat(watcher.nextPollWithinMillis()).isEqualTo(POLL.toMillis());

    quietPollAfter(Duration.ofSeconds(4));

    assertThat(outlet.notices()).containsExactly("maintenance on", "maintenance off");
    assertThat(watcher.nextPollWithinMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void linesNotSavedYetKeepThePollsComingUntilTheCheckpoint() {
    quietPollAfter(Duration.ofMillis(500));
    request("blue", "200");
    quietPollAfter(
        Duration.ofMillis(300)); // the status shows the line; the last save was 300 ms ago

    assertThat(watcher.nextPollWithinMillis()).isEqualTo(POLL.toMillis());

    quietPollAfter(Duration.ofMillis(700));

    assertThat(watcher.nextPollWithinMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aStatusChangeHeldBackIsAskedForWhenItIsDue() {
    request("blue", "200"); // the status was published at the last poll, just before
    quietPollAfter(Duration.ofMillis(50));

    assertThat(watcher.nextPollWithinMillis())
        .as("the line's change to the status: 200 ms after the last publish, 150 ms from now")
        .isEqualTo(150);
  }

  @Test
  void aStatusChangeDueVerySoonAddsNoPollToABusyFollowers() {
    request("blue", "200");
    quietPollAfter(Duration.ofMillis(190));

    assertThat(watcher.nextPollWithinMillis())
        .as("due in 10 ms: at the next busy poll, 25 ms from now, is soon enough")
        .isEqualTo(StatusPublisher.PUBLISH_GRAIN_MILLIS);
  }
}
