package dev.bluegreen.watcher.health;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says the watcher's problems in its own log: a WARN at once for each new problem, with what it is
 * and the fix to try, repeated every {@link #REPEAT_MILLIS} while it lasts, and an INFO when it is
 * gone. The reading thread only.
 */
public final class HealthLog {
  private static final Logger log = LoggerFactory.getLogger(HealthLog.class);

  /** A problem that lasts is said again this often. */
  public static final long REPEAT_MILLIS = 10 * 60_000;

  private final Map<ProblemCode, Long> lastSaid = new EnumMap<>(ProblemCode.class);

  /** Logs what changed in {@code health}, and what is due to be said again, as of {@code now}. */
  public void report(Health health, long now) {
    for (Problem problem : health.problems()) {
      Long said = lastSaid.get(problem.code());
      if (said == null || now - said >= REPEAT_MILLIS) {
        log.warn(line(health, problem, said != null));
        lastSaid.put(problem.code(), now);
      }
    }
    lastSaid
        .keySet()
        .removeIf(
            code -> {
              if (health.has(code)) {
                return false;
              }
              log.info(
                  "health: {} is resolved; the watcher is {}", code.wireName(), describe(health));
              return true;
            });
  }

  static String line(Health health, Problem problem, boolean again) {
    return "health: "
        + problem.code().wireName()
        + (again ? " still, " : ", ")
        + "since "
        + Instant.ofEpochMilli(problem.sinceMillis())
        + " (the watcher is "
        + describe(health)
        + "): "
        + problem.detail()
        + ". Fix: "
        + problem.code().fix();
  }

  private static String describe(Health health) {
    return switch (health.status()) {
      case OK -> "ok";
      case DEGRADED -> "degraded";
      case FAILING -> "failing: blind to failovers and errors";
    };
  }
}
