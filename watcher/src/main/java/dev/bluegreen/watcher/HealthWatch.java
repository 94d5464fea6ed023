package dev.bluegreen.watcher;

import dev.bluegreen.watcher.health.Health;
import dev.bluegreen.watcher.health.HealthFacts;
import dev.bluegreen.watcher.health.HealthJudge;
import dev.bluegreen.watcher.health.HealthLog;
import dev.bluegreen.watcher.health.Problem;
import dev.bluegreen.watcher.source.FollowerStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The live watcher's health at every poll: the facts gathered from its parts, judged ({@link
 * HealthJudge}), said in the log ({@link HealthLog}), and told to the channel once when the watcher
 * goes blind and once when it sees again. The reading thread only.
 */
final class HealthWatch {
  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final String log;
  private final Outlet outlet;
  private final HealthJudge judge = new HealthJudge();
  private final HealthLog healthLog = new HealthLog();
  private Health health = Health.OK;
  private String blindBecause; // what the channel was told, while blind

  HealthWatch(String log, Outlet outlet) {
    this.log = log;
    this.outlet = outlet;
  }

  /** Judges the health as of {@code now} (wall-clock millis), says what changed, returns it. */
  Health update(FollowerStatus followed, Pipeline.Stats stats, String stateError, long now) {
    MalformedRun.Run run = stats.malformedRun();
    HealthFacts facts =
        new HealthFacts(
            log,
            followed.access(),
            followed.accessError(),
            run.length(),
            run.parsed(),
            example(run),
            stateError,
            outlet.sinkHealth());
    health = judge.judge(facts, now);
    healthLog.report(health, now);
    tellChannel(now);
    return health;
  }

  private void tellChannel(long now) {
    if (health.failing() && blindBecause == null) {
      blindBecause =
          health.problems().stream()
              .filter(problem -> problem.code().status() == health.status())
              .map(HealthWatch::because)
              .collect(Collectors.joining("; "));
      outlet.sight(true, blindBecause, Instant.ofEpochMilli(now));
    } else if (!health.failing() && blindBecause != null) {
      blindBecause = null;
      outlet.sight(false, "reads " + log + " again", Instant.ofEpochMilli(now));
    }
  }

  private static String because(Problem problem) {
    String detail = problem.detail();
    String what =
        switch (problem.code()) {
          case FORMAT_MISMATCH -> "cannot parse its log: " + detail;
          case LOG_NOT_REGULAR -> "cannot follow " + detail;
          case LOG_MISSING -> "cannot find its log: " + detail;
          default -> detail;
        };
    return what + ", since " + SINCE.format(Instant.ofEpochMilli(problem.sinceMillis()));
  }

  /** E.g. {@code /var/log/nginx/access.log:12 (does not start with '"'): "GET / ..."}. */
  private static String example(MalformedRun.Run run) {
    if (run.firstAt() == null) {
      return null;
    }
    return run.firstAt()
        + " ("
        + run.firstReason().reason()
        + ")"
        + (run.firstText() == null ? "" : ": " + run.firstText());
  }

  Health health() {
    return health;
  }
}
