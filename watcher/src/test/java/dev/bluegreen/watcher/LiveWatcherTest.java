package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.notify.LogCapture;
import dev.bluegreen.watcher.ops.ControlResult;
import dev.bluegreen.watcher.ops.ControlResult.Notice;
import dev.bluegreen.watcher.ops.PendingControl;
import dev.bluegreen.watcher.source.LogFollower;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The live watcher end to end in-process: real files, real follower, a recording outlet. */
class LiveWatcherTest {
  private static final Path STORY = Path.of("src/test/resources/replay/failover-and-recovery.log");

  @TempDir Path dir;

  @RegisterExtension final LogCapture logs = new LogCapture();

  private Path log;
  private Path state;
  private List<String> story;
  private LiveWatcher watcher;

  @BeforeEach
  void setUp() throws IOException {
    log = dir.resolve("access.log");
    state = dir.resolve("state/watcher.json");
    story = Files.readAllLines(STORY);
    Files.createFile(log);
  }

  @AfterEach
  void tearDown() {
    if (watcher != null) {
      watcher.close();
    }
  }

  private LiveWatcher start(RecordingOutlet outlet, Map<String, String> env) {
    WatcherConfig config = WatcherConfig.load(new Settings(Map.of(), env));
    LiveConfig live = new LiveConfig(log, LogFollower.Start.END, state, "127.0.0.1", 0, false);
    LiveWatcher started =
        new Watcher(config, Timing.SYSTEM).follow(live, outlet, Duration.ofMillis(10));
    started.start();
    Await.until("the watcher to start", () -> polled(started));
    return started;
  }

  private static boolean polled(LiveWatcher w) {
    return w.status().following();
  }

  private void append(int fromLine, int toLine) throws IOException {
    Files.write(log, story.subList(fromLine - 1, toLine), StandardOpenOption.APPEND);
  }

  private static ControlResult applied(PendingControl<ControlResult> control)
      throws InterruptedException {
    PendingControl.Outcome<ControlResult> outcome = control.await(Duration.ofSeconds(30));
    assertThat(outcome.fate()).isEqualTo(PendingControl.Fate.APPLIED);
    return outcome.value();
  }

  private void awaitLines(LiveWatcher w, long lines) {
    Await.until(
        lines + " lines read",
        () -> w.status().lines() >= lines,
        () -> w.status().lines() + " read");
  }

  @Test
  void aLogWithoutPoolsWarnsAtStartThatFailoversCannotBeSeen() {
    watcher = start(new RecordingOutlet(), Map.of("NGINX_LOG_FORMAT", "combined"));

    assertThat(logs.lines())
        .contains(
            "WARN the log format has no $upstream_http_x_app_pool, so failovers cannot be seen;"
                + " only the error rate is watched");
  }

  @Test
  void aLogWithoutRequestTimeWarnsOnceAtStartThatLatencyIsNotWatched() {
    watcher = start(new RecordingOutlet(), Map.of("NGINX_LOG_FORMAT", "combined"));

    assertThat(logs.lines().stream().filter(line -> line.contains("$request_time")))
        .containsExactly(
            "WARN the log format has no $request_time, so slow requests cannot be seen; latency"
                + " is not watched");
  }

  @Test
  void closeSaysWhatItSaved() throws IOException {
    watcher = start(new RecordingOutlet(), Map.of());
    append(1, 3);
    awaitLines(watcher, 3);

    LiveWatcher closed = watcher;
    watcher = null;
    closed.close();

    assertThat(closed.savedAtClose()).isEqualTo("state saved to " + state + " after 3 lines read");
  }

  @Test
  void alertsAsLinesArrive() throws IOException {
    RecordingOutlet outlet = new RecordingOutlet();
    watcher = start(outlet, Map.of());

    append(1, 400);
    awaitLines(watcher, 400);

    assertThat(outlet.kinds())
        .containsExactly(
            AlertKind.FAILOVER,
            AlertKind.ERROR_RATE,
            AlertKind.LATENCY,
            AlertKind.RECOVERY,
            AlertKind.LATENCY_RESOLVED,
            AlertKind.ERROR_RATE_RESOLVED);
  }

  @Test
  void aFailoverSaysWhyEvenWhenARequestStraightToGreenIsLoggedBeforeTheRetriedOne()
      throws IOException {
    RecordingOutlet outlet = new RecordingOutlet();
    watcher = start(outlet, Map.of());
    append(1, 100); // blue serves
    // Nginx logs a request when it ends: one sent straight to green after blue was marked down
    // ends a few ms before the request whose retry found blue failing (line 101, blue's 502), and
    // both are read at once (EvidenceWaitTest: the retried line is cited if read within 10 ms)
    Files.write(log, List.of(story.get(101), story.get(100)), StandardOpenOption.APPEND);
    awaitLines(watcher, 102);
    Await.until("the failover", () -> !outlet.alerts().isEmpty());

    PoolAlert failover = (PoolAlert) outlet.alerts().get(0);
    assertThat(failover.kind()).isEqualTo(AlertKind.FAILOVER);
    assertThat(failover.where().line()).as("announced where green first served").isEqualTo(101);
    assertThat(failover.evidence())
        .as("why, from the retried request's line that came after it")
        .isNotNull();
    // the story logs two lines a second: blue's 59 answers of the last 30 s and the failed one
    assertThat(failover.evidence().describe())
        .isEqualTo("blue: 1 of 60 attempts failed (502 x1) at 10.0.0.2:3000, request_id req-0101");
  }

  @Test
  void aRestartResumesWhereItStoppedAlertsWhatItMissedAndRepeatsNothing() throws IOException {
    RecordingOutlet before = new RecordingOutlet();
    watcher = start(before, Map.of());
    append(1, 150);
    awaitLines(watcher, 150);
    watcher.close();
    watcher = null;
    append(151, 400); // written while the watcher is down

    RecordingOutlet after = new RecordingOutlet();
    watcher = start(after, Map.of());
    awaitLines(watcher, 250);

    assertThat(before.kinds())
        .containsExactly(AlertKind.FAILOVER, AlertKind.ERROR_RATE, AlertKind.LATENCY);
    // both windows came back from the state file: each episode resolves where it would have
    assertThat(after.kinds())
        .containsExactly(
            AlertKind.RECOVERY, AlertKind.LATENCY_RESOLVED, AlertKind.ERROR_RATE_RESOLVED);
    assertThat(after.alerts().get(0).where().line())
        .as("the file's true line, the resume point's line kept in the state")
        .isEqualTo(201);
    assertThat(watcher.status().lines()).isEqualTo(250);
  }

  @Test
  void aStateFileOfThePreviousVersionWithoutTheLineStillResumesAtTheTrueLine() throws Exception {
    watcher = start(new RecordingOutlet(), Map.of());
    append(1, 150);
    awaitLines(watcher, 150);
    watcher.close();
    watcher = null;
    ObjectNode saved = (ObjectNode) TestJson.MAPPER.readTree(state.toFile());
    assertThat(saved.get("position").get("line").asLong()).isEqualTo(150);
    ((ObjectNode) saved.get("position")).remove("line");
    Files.writeString(state, saved.toString());
    append(151, 400);

    RecordingOutlet after = new RecordingOutlet();
    watcher = start(after, Map.of());
    awaitLines(watcher, 250);

    assertThat(after.alerts().get(0).where().line())
        .as("the lines before the saved offset counted once")
        .isEqualTo(201);
  }

  @Test
  void aLogRotatedWhileStoppedIsReadOnWithTheRotatedFilesTrueLines() throws IOException {
    watcher = start(new RecordingOutlet(), Map.of());
    append(1, 150);
    awaitLines(watcher, 150);
    watcher.close();
    watcher = null;
    append(151, 220);
    Files.move(log, dir.resolve("access.log.1"));
    Files.write(log, story.subList(220, 400));

    RecordingOutlet after = new RecordingOutlet();
    watcher = start(after, Map.of());
    awaitLines(watcher, 250);

    assertThat(after.alerts().get(0).where())
        .as("the rest of the renamed file numbered on from the saved line")
        .hasToString(dir.resolve("access.log.1") + ":201");
  }

  @Test
  void startedAtTheEndOfAnExistingLogAlertsNameTheFilesTrueLines() throws IOException {
    List<Long> fromAnEmptyLog = alertLinesAfter(List.of());
    watcher.close();
    watcher = null;
    Files.delete(state);
    Files.write(log, new byte[0]);

    List<Long> afterFiveLines = alertLinesAfter(List.of("a", "b", "c", "d", "e"));

    assertThat(fromAnEmptyLog).isNotEmpty();
    assertThat(afterFiveLines)
        .as("the 5 lines the watcher skipped are counted")
        .containsExactlyElementsOf(fromAnEmptyLog.stream().map(line -> line + 5).toList());
  }

  /** Starts at the end of a log holding {@code existing}, appends the story, the alerts' lines. */
  private List<Long> alertLinesAfter(List<String> existing) throws IOException {
    Files.write(log, existing, StandardOpenOption.APPEND);
    RecordingOutlet outlet = new RecordingOutlet();
    watcher = start(outlet, Map.of());
    append(1, 400);
    awaitLines(watcher, 400);
    return outlet.alerts().stream().map(alert -> alert.where().line()).toList();
  }

  @Test
  void maintenanceSuppressesAlertsIsAnnouncedOnceAndTellsTheTruthWhenItEnds() throws Exception {
    RecordingOutlet outlet = new RecordingOutlet();
    watcher = start(outlet, Map.of());

    assertThat(applied(watcher.maintenance(true)).notice()).isEqualTo(Notice.SENT);
    assertThat(applied(watcher.maintenance(true)).notice()).isEqualTo(Notice.UNCHANGED);
    append(1, 150);
    awaitLines(watcher, 150);
    assertThat(outlet.alerts()).isEmpty();

    // Within 5 s of the first notice: applied at once, its notice held until the 5 s are up.
    assertThat(applied(watcher.maintenance(false)).notice()).isEqualTo(Notice.HELD);
    append(151, 160);
    awaitLines(watcher, 160);
    assertThat(outlet.kinds())
        .containsExactly(AlertKind.FAILOVER, AlertKind.ERROR_RATE, AlertKind.LATENCY);

    Await.until(
        "the held notice, once 5 s passed",
        () -> outlet.notices().size() == 2,
        () -> outlet.notices().toString());
    assertThat(outlet.notices()).containsExactly("maintenance on", "maintenance off");
  }

  @Test
  void aPlannedSwitchPostsANoticeAndNoFailover() throws Exception {
    RecordingOutlet outlet = new RecordingOutlet();
    watcher = start(outlet, Map.of());
    append(1, 100); // blue serves

    applied(watcher.activePool("green"));
    List<String> green =
        story.subList(101, 200).stream()
            .filter(line -> line.contains("pool=green") && line.contains("status=200"))
            .map(
                line ->
                    line.replace("upstream_status=502, 200", "upstream_status=200")
                        .replace("upstream_status=504, 200", "upstream_status=200")
                        .replace("request_time=1.005", "request_time=0.004"))
            .toList();
    Files.write(log, green, StandardOpenOption.APPEND);
    awaitLines(watcher, 100 + green.size());

    assertThat(outlet.notices()).containsExactly("switch blue -> green");
    assertThat(outlet.alerts()).isEmpty();
    assertThat(watcher.status().primary()).isEqualTo("green");
  }

  @Test
  void aControlSurvivesARestartUnlessTheSettingChanged() throws Exception {
    watcher = start(new RecordingOutlet(), Map.of());
    applied(watcher.activePool("green"));
    watcher.close();

    watcher = start(new RecordingOutlet(), Map.of());
    assertThat(watcher.status().primary()).isEqualTo("green");
    watcher.close();

    watcher = start(new RecordingOutlet(), Map.of("ACTIVE_POOL", "blue-2"));
    assertThat(watcher.status().primary()).isEqualTo("blue-2");
  }
}
