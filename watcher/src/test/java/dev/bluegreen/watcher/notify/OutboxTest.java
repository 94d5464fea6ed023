package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.detect.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox's decisions, step by step: order while up, collapse while down, drops when full. */
class OutboxTest {
  private final Outbox slack = new Outbox("slack", 100, true);

  static AlertMessage failover(int minute) {
    return Message.of(
        new PoolAlert(
            AlertKind.FAILOVER,
            Samples.AT.plusSeconds(60L * minute),
            Samples.WHERE,
            "blue",
            "green",
            null,
            false,
            false));
  }

  static AlertMessage recovery(int minute) {
    return Message.of(
        new PoolAlert(
            AlertKind.RECOVERY,
            Samples.AT.plusSeconds(60L * minute),
            Samples.WHERE,
            "green",
            "blue",
            null,
            false,
            false));
  }

  static AlertMessage reminder(int minute) {
    return Message.of(
        new PoolAlert(
            AlertKind.FAILOVER,
            Samples.AT.plusSeconds(60L * minute),
            Samples.WHERE,
            "blue",
            "green",
            null,
            true,
            false));
  }

  /** Takes and settles everything, as a sink that answers again would. */
  private static List<Message> sendAll(Outbox box, boolean down) {
    List<Message> sent = new ArrayList<>();
    Message next;
    while ((next = box.take(down)) != null) {
      sent.add(next);
      box.settle();
      down = false; // the first success: the sink is up again
    }
    return sent;
  }

  @Test
  void whileTheSinkIsUpMessagesGoOutInOrderUncollapsed() {
    slack.add(failover(1));
    slack.add(recovery(4));

    assertThat(sendAll(slack, false)).containsExactly(failover(1), recovery(4));
    assertThat(slack.takeDrops()).isEmpty();
  }

  @Test
  void afterAnOutageTheCurrentStateGoesFirstThenOneSummaryOfTheClosedEpisodes() {
    slack.add(failover(1));
    slack.add(recovery(4));
    slack.add(failover(5));
    slack.add(recovery(6));
    slack.add(failover(7));

    List<Message> sent = sendAll(slack, true);

    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).isEqualTo(failover(7));
    Notice.Summary summary = (Notice.Summary) sent.get(1);
    assertThat(summary.title()).isEqualTo("While slack was unreachable");
    assertThat(summary.detail())
        .isEqualTo(
            "failover from blue to green at 03:05:05 UTC, recovered (back on blue) at 03:08:05 UTC;"
                + " failover from blue to green at 03:09:05 UTC, recovered (back on blue) at 03:10:05"
                + " UTC.");
    assertThat(summary.at()).isEqualTo(failover(1).alert().at());
    assertThat(slack.takeDrops())
        .extracting(Outbox.Dropped::reason)
        .hasSize(4)
        .containsOnly(DropReason.SUPERSEDED);
  }

  @Test
  void theRecoveryOfAnAnnouncedFailoverJoinsTheSummaryWhenMoreHappenedAfterIt() {
    slack.add(failover(1));
    assertThat(sendAll(slack, false)).containsExactly(failover(1));
    slack.add(recovery(4));
    slack.add(failover(5));

    List<Message> sent = sendAll(slack, true);

    assertThat(sent.get(0)).isEqualTo(failover(5));
    assertThat(((Notice.Summary) sent.get(1)).detail())
        .isEqualTo("recovered (back on blue) at 03:08:05 UTC.");
  }

  @Test
  void aLoneRecoveryOfAnAnnouncedFailoverIsSentAsItIs() {
    slack.add(failover(1));
    sendAll(slack, false);
    slack.add(reminder(3));
    slack.add(recovery(4));

    assertThat(sendAll(slack, true)).containsExactly(recovery(4));
  }

  @Test
  void aSinkWithoutNoticesForgetsClosedEpisodesButKeepsTheOrderOfWhatItWasTold() {
    Outbox alertmanager = new Outbox("alertmanager", 100, false);
    alertmanager.add(failover(1));
    sendAll(alertmanager, false);
    alertmanager.add(recovery(4));
    alertmanager.add(failover(5));
    alertmanager.add(recovery(6));
    alertmanager.add(failover(7));

    assertThat(sendAll(alertmanager, true)).containsExactly(recovery(4), failover(7));
  }

  @Test
  void remindersAreSupersededByTheirPendingFailover() {
    slack.add(failover(1));
    slack.add(reminder(2));
    slack.add(reminder(3));

    assertThat(sendAll(slack, true)).containsExactly(failover(1));
  }

  @Test
  void aFailedAttemptPutsTheMessageBackFirstAndItStaysUndelivered() {
    slack.add(failover(1));
    slack.add(Notice.maintenanceOn(Samples.AT));
    Message taken = slack.take(false);

    assertThat(slack.undelivered()).containsExactly(failover(1), Notice.maintenanceOn(Samples.AT));
    slack.putBack();

    assertThat(slack.undelivered()).containsExactly(failover(1), Notice.maintenanceOn(Samples.AT));
    assertThat(slack.take(true)).isEqualTo(taken);
  }

  @Test
  void aFullBoxDropsNoticesThenRemindersAndNeverAFirstAnnouncement() {
    Outbox small = new Outbox("slack", 2, true);
    small.add(Notice.maintenanceOn(Samples.AT));
    small.add(failover(1));
    small.add(Message.of(Samples.errorRate()));
    assertThat(small.takeDrops())
        .containsExactly(
            new Outbox.Dropped(Notice.maintenanceOn(Samples.AT), DropReason.QUEUE_FULL));

    small.add(reminder(2));
    assertThat(small.takeDrops())
        .containsExactly(new Outbox.Dropped(reminder(2), DropReason.SUPERSEDED));

    small.add(Message.sample(Samples.recovery()));
    assertThat(small.takeDrops())
        .containsExactly(
            new Outbox.Dropped(Message.sample(Samples.recovery()), DropReason.QUEUE_FULL));
    assertThat(small.undelivered()).containsExactly(failover(1), Message.of(Samples.errorRate()));
  }

  @Test
  void anEscalationWhileDownIsSentFirstAndSupersedesItsPendingWarning() {
    slack.add(Message.of(Samples.errorRate()));
    slack.add(Message.of(Samples.escalated()));

    assertThat(sendAll(slack, true))
        .as("the critical state alone: the warning it escalates is not news")
        .containsExactly(Message.of(Samples.escalated()));
    assertThat(slack.takeDrops())
        .containsExactly(
            new Outbox.Dropped(Message.of(Samples.errorRate()), DropReason.SUPERSEDED));
  }

  @Test
  void anEscalationOfAnAnnouncedWarningIsNeitherSupersededByItsRemindersNorDroppedWhenFull() {
    Outbox small = new Outbox("slack", 1, true);
    small.add(Message.of(Samples.errorRate()));
    assertThat(sendAll(small, false)).containsExactly(Message.of(Samples.errorRate()));
    AlertMessage reminder =
        Message.of(
            new ErrorRateAlert(
                AlertKind.ERROR_RATE,
                Samples.AT.plusSeconds(600),
                Samples.WHERE,
                Samples.escalated().rate(),
                Severity.CRITICAL,
                true,
                false));
    small.add(Message.of(Samples.escalated()));
    small.add(reminder);
    small.add(Notice.maintenanceOn(Samples.AT));

    assertThat(small.undelivered()).containsExactly(Message.of(Samples.escalated()));
    assertThat(sendAll(small, true)).containsExactly(Message.of(Samples.escalated()));
  }

  @Test
  void aLatencyEpisodeClosedWhileDownIsToldInTheSummaryOfItsOwnCondition() {
    slack.add(Message.of(Samples.latency()));
    slack.add(failover(1));
    slack.add(Message.of(Samples.latencyResolved()));

    List<Message> sent = sendAll(slack, true);

    assertThat(sent).hasSize(2);
    assertThat(sent.get(0))
        .as("the open pool episode's current state first")
        .isEqualTo(failover(1));
    Notice.Summary summary = (Notice.Summary) sent.get(1);
    assertThat(summary.condition()).isEqualTo("latency");
    assertThat(summary.detail())
        .isEqualTo("slow requests p99 1240 ms at 03:04:05 UTC, back to normal at 03:07:05 UTC.");
    assertThat(slack.takeDrops())
        .extracting(Outbox.Dropped::reason)
        .containsExactly(DropReason.SUPERSEDED, DropReason.SUPERSEDED);
  }
}
