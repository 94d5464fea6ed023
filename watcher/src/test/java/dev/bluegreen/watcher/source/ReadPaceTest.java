package dev.bluegreen.watcher.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.source.ReadPace.Next;
import org.junit.jupiter.api.Test;

/**
 * A backlog is read on at once, a busy log is polled, and only four quiet reads in a row turn to
 * waiting for a notification.
 */
class ReadPaceTest {
  @Test
  void fourQuietReadsInARowTurnNotificationsOnThenTheFollowerWaits() {
    ReadPace pace = new ReadPace();

    assertThat(pace.after(true, true)).isEqualTo(Next.READ_ON);
    assertThat(pace.after(false, false)).isEqualTo(Next.POLL_SOON);
    assertThat(pace.after(false, false)).isEqualTo(Next.POLL_SOON);
    assertThat(pace.after(false, false)).isEqualTo(Next.POLL_SOON);
    assertThat(pace.after(false, false)).isEqualTo(Next.WATCH_THEN_POLL_SOON);
    assertThat(pace.after(false, false)).isEqualTo(Next.AWAIT_CHANGE);
    assertThat(pace.after(false, false)).isEqualTo(Next.AWAIT_CHANGE);
  }

  @Test
  void linesStartTheCountAgain() {
    ReadPace pace = new ReadPace();
    pace.after(false, false);
    pace.after(false, false);
    pace.after(false, false);

    assertThat(pace.after(true, false)).isEqualTo(Next.POLL_SOON);
    assertThat(pace.after(false, false)).isEqualTo(Next.POLL_SOON);
    assertThat(pace.after(false, false)).isEqualTo(Next.POLL_SOON);
    assertThat(pace.after(false, false)).isEqualTo(Next.POLL_SOON);
    assertThat(pace.after(false, false)).isEqualTo(Next.WATCH_THEN_POLL_SOON);
  }

  @Test
  void aReadThatTookAllThereWasIsFollowedByAPollNotAnotherReadAtOnce() {
    ReadPace pace = new ReadPace();

    assertThat(pace.after(true, false)).isEqualTo(Next.POLL_SOON);
    assertThat(pace.after(true, true)).isEqualTo(Next.READ_ON);
    assertThat(pace.after(true, true)).isEqualTo(Next.READ_ON);
    assertThat(pace.after(true, false)).isEqualTo(Next.POLL_SOON);
  }
}
