package dev.bluegreen.watcher.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out model for real (README "Many Nginx hosts"): two watcher processes, one per Nginx
 * host (web-1, web-2, each on its own access log), send to one real Alertmanager, which notifies a
 * stand-in receiver. The same failover on both hosts is one grouped notification naming both; the
 * recovery resolves it; a silence made with amtool mutes the next failover of the host it names.
 *
 * <p>No step hopes for timing: the grouped notification is held by a silence until both alerts are
 * in Alertmanager, and every absence is shown by a later notification of the same group.
 */
class AlertmanagerManyHostsTest {
  private static final String NOTIFICATIONS = "/notify";

  @TempDir Path dir;

  private StandInReceiver receiver;
  private RealAlertmanager alertmanager;
  private WatcherProcess web1;
  private WatcherProcess web2;
  private Path log1;
  private Path log2;
  private final Story story = new Story();
  private int awaited; // notifications already awaited: each awaits a later one

  @BeforeEach
  void start() throws Exception {
    receiver = new StandInReceiver();
    alertmanager = RealAlertmanager.start(dir, receiver.url(NOTIFICATIONS));
    log1 = Files.createFile(dir.resolve("web-1.access.log"));
    log2 = Files.createFile(dir.resolve("web-2.access.log"));
    web1 = watcher("web-1", log1);
    web2 = watcher("web-2", log2);
    web1.awaitServing();
    web2.awaitServing();
  }

  private WatcherProcess watcher(String instance, Path log) throws Exception {
    return WatcherProcess.start(
        dir,
        instance,
        log,
        Map.of("ALERTMANAGER_URL", alertmanager.url(), "WATCHER_INSTANCE", instance));
  }

  @AfterEach
  void stop() {
    for (AutoCloseable running : new AutoCloseable[] {web1, web2, alertmanager, receiver}) {
      try {
        if (running != null) {
          running.close();
        }
      } catch (Exception e) {
        // the next one is closed all the same
      }
    }
  }

  @Test
  void oneGroupedNotificationNamesBothHostsItsResolutionFollowsAndASilenceMutesTheNext()
      throws Exception {
    // the same failover on both hosts: one notification, both instances. A silence holds
    // notifications until Alertmanager has both alerts, so a watcher slowed down by a loaded
    // machine cannot split them (in production group_wait, 30 s in the example, does that).
    String hold =
        alertmanager.silence("hold until both hosts are in", "alertname=BlueGreenFailover");
    Story.append(story.failover(), log1, log2);
    awaitSilenced("both failovers", hold, "web-1", "web-2");
    alertmanager.expire(hold);
    StandInReceiver.Received first = awaitNotification("the grouped failover", n -> true);
    JsonNode grouped = first.json();

    Files.createDirectories(MonitoringFiles.OUTPUT);
    Files.writeString(MonitoringFiles.OUTPUT.resolve("am-grouped.json"), first.body());
    assertThat(grouped.path("status").asText()).isEqualTo("firing");
    assertThat(grouped.path("groupLabels").path("alertname").asText())
        .isEqualTo("BlueGreenFailover");
    assertThat(grouped.path("groupLabels").path("pool").asText()).isEqualTo("blue");
    assertThat(alerts(grouped, "firing")).containsExactlyInAnyOrder("web-1", "web-2");
    for (JsonNode alert : grouped.path("alerts")) {
      assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("BlueGreenFailover");
      assertThat(alert.path("labels").path("pool").asText()).isEqualTo("blue");
      assertThat(alert.path("annotations").path("serving").asText()).isEqualTo("green");
    }

    // blue back on both hosts: the resolution flows through (in one notification, or two when
    // the hosts' recoveries fall in different group intervals)
    Story.append(story.recovery(), log1, log2);
    Set<String> resolved = new TreeSet<>();
    while (resolved.size() < 2) {
      resolved.addAll(
          alerts(
              awaitNotification("the resolutions", n -> !alerts(n, "resolved").isEmpty()).json(),
              "resolved"));
    }
    assertThat(resolved).containsExactly("web-1", "web-2");
    assertThat(notifications().get(awaited - 1).json().path("status").asText())
        .as("the last says all resolved")
        .isEqualTo("resolved");

    // web-1 is silenced (planned work there); the next failover on both pages only for web-2
    String silence =
        alertmanager.silence(
            "planned work on web-1", "alertname=BlueGreenFailover", "instance=web-1");
    int beforeSilence = notifications().size();
    Story.append(story.failover(), log1, log2);
    awaitSilenced("web-1's failover", silence, "web-1");
    JsonNode web2Only =
        awaitNotification("web-2's failover", n -> !alerts(n, "firing").isEmpty()).json();
    assertThat(alerts(web2Only, "firing")).containsExactly("web-2");
    // web-2 recovers: Alertmanager flushes the whole group again, which web-1 would be in if the
    // silence did not hold (it reached Alertmanager before this recovery was written)
    Story.append(story.recovery(), log2);
    JsonNode web2Resolved =
        awaitNotification("web-2's resolution", n -> n.path("status").asText().equals("resolved"))
            .json();
    assertThat(alerts(web2Resolved, "resolved")).containsExactly("web-2");
    assertThat(notifications().subList(beforeSilence, notifications().size()))
        .allSatisfy(n -> assertThat(alerts(n.json(), "firing")).doesNotContain("web-1"));
  }

  /** Waits until Alertmanager holds a firing alert of each of {@code instances} muted by it. */
  private void awaitSilenced(String what, String silence, String... instances) {
    Await.until(
        what + " in Alertmanager, silenced",
        () ->
            Arrays.stream(instances)
                .allMatch(
                    instance ->
                        alertmanager.alerts().stream()
                            .anyMatch(
                                alert ->
                                    alert.path("labels").path("instance").asText().equals(instance)
                                        && alert
                                            .path("status")
                                            .path("state")
                                            .asText()
                                            .equals("suppressed")
                                        && alert
                                            .path("status")
                                            .path("silencedBy")
                                            .toString()
                                            .contains(silence))),
        () -> alertmanager.alerts().toString());
  }

  /** Alertmanager's notifications so far, as the receiver got them. */
  private List<StandInReceiver.Received> notifications() {
    return receiver.received().stream()
        .filter(received -> received.path().equals(NOTIFICATIONS))
        .toList();
  }

  /** The first notification after those already awaited that matches, waiting for it. */
  private StandInReceiver.Received awaitNotification(String what, Predicate<JsonNode> matches) {
    Await.until(
        what,
        () -> notifications().stream().skip(awaited).anyMatch(n -> matches.test(n.json())),
        () ->
            "notifications: "
                + notifications()
                + "\nweb-1 said:\n"
                + web1.said()
                + "\nweb-2 said:\n"
                + web2.said());
    List<StandInReceiver.Received> all = notifications();
    for (int i = awaited; i < all.size(); i++) {
      if (matches.test(all.get(i).json())) {
        awaited = i + 1;
        return all.get(i);
      }
    }
    throw new AssertionError("unreachable");
  }

  /** The instances of a notification's alerts in {@code status} (firing or resolved). */
  private static List<String> alerts(JsonNode notification, String status) {
    return StreamSupport.stream(notification.path("alerts").spliterator(), false)
        .filter(alert -> alert.path("status").asText().equals(status))
        .map(alert -> alert.path("labels").path("instance").asText())
        .toList();
  }
}
