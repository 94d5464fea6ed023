package dev.bluegreen.watcher.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The written-out equals means what a record's does: every component counts, nothing else. */
class FollowerStatusTest {
  private static final LogPosition AT =
      new LogPosition(new FileIdentity("(dev=1,ino=2)", "9:aa"), 9);

  private final FollowerStatus status =
      new FollowerStatus(true, false, 2, 1_000, AT, LogAccess.READABLE, null);

  @Test
  void equalComponentsAreEqual() {
    FollowerStatus same =
        new FollowerStatus(
            true,
            false,
            2,
            1_000,
            new LogPosition(new FileIdentity("(dev=1,ino=2)", "9:aa"), 9),
            LogAccess.READABLE,
            null);

    assertThat(same).isEqualTo(status).hasSameHashCodeAs(status);
  }

  @Test
  void anyComponentThatDiffersMakesItDiffer() {
    List<FollowerStatus> others =
        List.of(
            new FollowerStatus(false, false, 2, 1_000, AT, LogAccess.READABLE, null),
            new FollowerStatus(true, true, 2, 1_000, AT, LogAccess.READABLE, null),
            new FollowerStatus(true, false, 3, 1_000, AT, LogAccess.READABLE, null),
            new FollowerStatus(true, false, 2, 1_001, AT, LogAccess.READABLE, null),
            new FollowerStatus(true, false, 2, 1_000, AT.atLine(4), LogAccess.READABLE, null),
            new FollowerStatus(true, false, 2, 1_000, null, LogAccess.READABLE, null),
            new FollowerStatus(true, false, 2, 1_000, AT, LogAccess.UNREADABLE, null),
            new FollowerStatus(true, false, 2, 1_000, AT, LogAccess.READABLE, "denied"));

    for (FollowerStatus other : others) {
      assertThat(other).as(other.toString()).isNotEqualTo(status);
      assertThat(status).as(other.toString()).isNotEqualTo(other);
    }
  }
}
