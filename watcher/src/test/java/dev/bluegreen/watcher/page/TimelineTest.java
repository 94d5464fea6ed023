package dev.bluegreen.watcher.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.Receipt;
import dev.bluegreen.watcher.notify.Samples;
import dev.bluegreen.watcher.page.Timeline.Delivery;
import dev.bluegreen.watcher.page.Timeline.Entry;
import dev.bluegreen.watcher.page.Timeline.State;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alert timeline: each message queued at its sinks, then what each sink's receipt says. */
class TimelineTest {
  private static final List<String> SINKS = List.of("slack", "alertmanager");

  private final Timeline timeline = new Timeline();

  private static Receipt receipt(
      String sink, Message message, Receipt.Outcome outcome, String why) {
    return new Receipt(sink, message, outcome, why, 1);
  }

  @Test
  void aMessageIsQueuedAtEverySinkThenEachSaysWhatBecameOfIt() {
    Message failover = Message.of(Samples.failover());
    timeline.queued(failover, SINKS);

    Entry queued = timeline.entries().get(0);
    assertThat(queued.kind()).isEqualTo("failover");
    assertThat(queued.severity()).isEqualTo("warning");
    assertThat(queued.text())
        .isEqualTo("FAILOVER  traffic moved from blue to green (release green-1.4.2)");
    assertThat(queued.sinks())
        .containsExactly(
            Map.entry("slack", new Delivery(State.QUEUED, null)),
            Map.entry("alertmanager", new Delivery(State.QUEUED, null)));

    timeline.receipt(receipt("alertmanager", failover, Receipt.Outcome.DELIVERED, "200"));
    timeline.receipt(receipt("slack", failover, Receipt.Outcome.REJECTED, "404 no_service"));

    assertThat(timeline.entries().get(0).sinks())
        .containsExactly(
            Map.entry("slack", new Delivery(State.DROPPED, "refused")),
            Map.entry("alertmanager", new Delivery(State.DELIVERED, null)));
  }

  @Test
  void supersededAndDroppedAreToldApart() {
    Message failover = Message.of(Samples.failover());
    Message recovery = Message.of(Samples.recovery());
    timeline.queued(failover, SINKS);
    timeline.queued(recovery, SINKS);

    timeline.receipt(receipt("slack", failover, Receipt.Outcome.DROPPED, "superseded"));
    timeline.receipt(receipt("alertmanager", recovery, Receipt.Outcome.DROPPED, "queue_full"));

    List<Entry> entries = timeline.entries(); // newest first
    assertThat(entries).extracting(Entry::kind).containsExactly("recovery", "failover");
    assertThat(entries.get(1).sinks().get("slack")).isEqualTo(new Delivery(State.SUPERSEDED, null));
    assertThat(entries.get(0).sinks().get("alertmanager"))
        .isEqualTo(new Delivery(State.DROPPED, "queue_full"));
  }

  @Test
  void aNoticeGoesOnlyToTheSinksThatTakeNoticesAndASummaryNeverQueuedIsAdded() {
    Notice on = Notice.maintenanceOn(Samples.AT);
    timeline.queued(on, List.of("slack"));
    Notice summary =
        new Notice.Summary(Instant.parse("2025-01-01T03:10:00Z"), "slack", "pool", List.of("x"), 0);

    timeline.receipt(receipt("slack", summary, Receipt.Outcome.DELIVERED, "200"));

    List<Entry> entries = timeline.entries();
    assertThat(entries)
        .extracting(Entry::kind)
        .containsExactly("unreachable_summary", "maintenance_on");
    assertThat(entries.get(1).severity()).isNull();
    assertThat(entries.get(1).sinks()).containsOnlyKeys("slack");
    assertThat(entries.get(0).sinks().get("slack").state()).isEqualTo(State.DELIVERED);
  }

  @Test
  void keepsTheLast50AndMovesItsVersionAtEveryChange() {
    long before = timeline.version();
    for (int i = 0; i < Timeline.CAPACITY + 5; i++) {
      timeline.queued(Notice.maintenanceOn(Samples.AT.plusSeconds(i)), SINKS);
    }
    assertThat(timeline.entries()).hasSize(Timeline.CAPACITY);
    assertThat(timeline.entries().get(0).at())
        .isEqualTo(Samples.AT.plusSeconds(Timeline.CAPACITY + 4));
    assertThat(timeline.version()).isGreaterThan(before);
  }
}
