package dev.bluegreen.watcher.health;

import dev.bluegreen.watcher.notify.SinkHealth;
import dev.bluegreen.watcher.source.LogAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the watcher's {@link Health} from {@link HealthFacts}, with the time passed in:
 *
 * <ul>
 *   <li>failing: the log is unreadable or not a regular file (at once), or missing for {@link
 *       #MISSING_GRACE_MILLIS}; or no line of the last {@link #LAST_LINES} parsed, or none of the
 *       first {@link #FIRST_LINES} read;
 *   <li>degraded: the last save of the state failed; a sink has been failing for {@link
 *       #SINK_GRACE_MILLIS}; alerts were dropped in the last {@link #DROPS_REMEMBERED_MILLIS}.
 * </ul>
 *
 * A problem keeps the time it began for as long as it lasts. Not thread safe: the reading thread.
 */
public final class HealthJudge {
  /** A log may be missing this long (a rotation, a slow start) before the watcher calls it so. */
  public static final long MISSING_GRACE_MILLIS = 60_000;

  /** A sink may fail this long (retries, a short outage) before it makes the watcher degraded. */
  public static final long SINK_GRACE_MILLIS = 60_000;

  /** Dropped alerts keep the watcher degraded this long after the last drop. */
  public static final long DROPS_REMEMBERED_MILLIS = 10 * 60_000;

  /** No line of this many in a row parsed: the format is wrong, or the log is not Nginx's. */
  public static final long LAST_LINES = 1_000;

  /** None of the first this many lines parsed: said sooner, as nothing ever parsed. */
  public static final long FIRST_LINES = 100;

  private final Map<ProblemCode, Long> since = new EnumMap<>(ProblemCode.class);
  private long missingSince = -1;
  private long droppedSeen = -1;
  private long droppedAtStart;
  private long lastDropAt = -1;

  /** The health now. */
  public Health judge(HealthFacts facts, long now) {
    List<Problem> problems = new ArrayList<>();
    log(facts, now, problems);
    long needed = facts.parsed() == 0 ? FIRST_LINES : LAST_LINES;
    if (facts.malformedRun() >= needed) {
      add(
          problems,
          ProblemCode.FORMAT_MISMATCH,
          now,
          "no line of the last "
              + facts.malformedRun()
              + " fits the log format; the first: "
              + facts.malformedExample());
    }
    if (facts.stateError() != null) {
      add(problems, ProblemCode.STATE_UNSAVED, now, facts.stateError());
    }
    sinks(facts.sinks(), now, problems);
    drops(facts.sinks(), now, problems);
    problems.sort((a, b) -> a.code().compareTo(b.code()));
    since.keySet().retainAll(problems.stream().map(Problem::code).toList());
    return Health.of(problems);
  }

  private void log(HealthFacts facts, long now, List<Problem> problems) {
    if (facts.access() != LogAccess.MISSING) {
      missingSince = -1;
    }
    switch (facts.access()) {
      case UNREADABLE ->
          add(
              problems,
              ProblemCode.LOG_UNREADABLE,
              now,
              "cannot read " + facts.log() + ": " + facts.accessError());
      case NOT_REGULAR ->
          add(
              problems,
              ProblemCode.LOG_NOT_REGULAR,
              now,
              facts.log() + " is " + facts.accessError());
      case MISSING -> {
        if (missingSince < 0) {
          missingSince = now;
        }
        if (now - missingSince >= MISSING_GRACE_MILLIS) {
          add(problems, ProblemCode.LOG_MISSING, missingSince, facts.log() + " does not exist");
        }
      }
      case READABLE -> {}
    }
  }

  private void sinks(List<SinkHealth> sinks, long now, List<Problem> problems) {
    long first = Long.MAX_VALUE;
    List<String> failing = new ArrayList<>();
    for (SinkHealth sink : sinks) {
      long from = sink.failingSinceMillis();
      if (from > 0 && now - from >= SINK_GRACE_MILLIS) {
        first = Math.min(first, from);
        failing.add(sink.sink() + " since " + Instant.ofEpochMilli(from));
      }
    }
    if (!failing.isEmpty()) {
      add(
          problems,
          ProblemCode.SINK_FAILING,
          first,
          "delivery keeps failing: " + String.join(", ", failing));
    }
  }

  private void drops(List<SinkHealth> sinks, long now, List<Problem> problems) {
    long dropped = sinks.stream().mapToLong(SinkHealth::dropped).sum();
    if (droppedSeen < 0) {
      droppedSeen = dropped;
    }
    if (dropped > droppedSeen) {
      if (lastDropAt < 0) {
        droppedAtStart = droppedSeen;
      }
      droppedSeen = dropped;
      lastDropAt = now;
    }
    if (lastDropAt >= 0 && now - lastDropAt >= DROPS_REMEMBERED_MILLIS) {
      lastDropAt = -1;
    }
    if (lastDropAt >= 0) {
      long lost = dropped - droppedAtStart;
      add(
          problems,
          ProblemCode.ALERTS_DROPPED,
          now,
          lost
              + " alert message"
              + (lost == 1 ? " was" : "s were")
              + " dropped (one per sink), the last at "
              + Instant.ofEpochMilli(lastDropAt));
    }
  }

  /** Adds a problem; one that lasts keeps the time it began. */
  private void add(List<Problem> problems, ProblemCode code, long from, String detail) {
    long began = since.computeIfAbsent(code, c -> from);
    problems.add(new Problem(code, began, detail));
  }
}
