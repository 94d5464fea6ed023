package dev.bluegreen.watcher.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.notify.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A problem is said at once, again every 10 minutes while it lasts, and once when it is gone. */
class HealthLogTest {
  private static final long T0 = 1_764_550_980_000L; // 2025-12-01T01:03:00Z

  @RegisterExtension final LogCapture logs = new LogCapture();

  private final HealthLog healthLog = new HealthLog();

  private static final Health UNREADABLE =
      Health.of(
          List.of(
              new Problem(
                  ProblemCode.LOG_UNREADABLE,
                  T0,
                  "cannot read /var/log/nginx/access.log: permission denied")));

  @Test
  void aProblemIsWarnedAtOnceWithItsFixThenEveryTenMinutesThenResolved() {
    healthLog.report(UNREADABLE, T0);
    healthLog.report(UNREADABLE, T0 + HealthLog.REPEAT_MILLIS - 1);
    healthLog.report(UNREADABLE, T0 + HealthLog.REPEAT_MILLIS);
    healthLog.report(Health.OK, T0 + HealthLog.REPEAT_MILLIS + 1);
    healthLog.report(Health.OK, T0 + HealthLog.REPEAT_MILLIS + 2);

    assertThat(logs.lines())
        .containsExactly(
            "WARN health: log_unreadable, since 2025-12-01T01:03:00Z (the watcher is failing:"
                + " blind to failovers and errors): cannot read /var/log/nginx/access.log:"
                + " permission denied. Fix: give the watcher's user read access to the log (and"
                + " execute access to its directories)",
            "WARN health: log_unreadable still, since 2025-12-01T01:03:00Z (the watcher is"
                + " failing: blind to failovers and errors): cannot read"
                + " /var/log/nginx/access.log: permission denied. Fix: give the watcher's user"
                + " read access to the log (and execute access to its directories)",
            "INFO health: log_unreadable is resolved; the watcher is ok");
  }
}
