package dev.bluegreen.watcher.health;

import java.util.List;

/**
 * The watcher's verdict on itself: the worst status of its problems, and the problems, in the order
 * of {@link ProblemCode}.
 */
public record Health(HealthStatus status, List<Problem> problems) {

  /** No problem. */
  public static final Health OK = new Health(HealthStatus.OK, List.of());

  public Health {
    problems = List.copyOf(problems);
  }

  /** The health these problems make: the worst of their statuses. */
  public static Health of(List<Problem> problems) {
    HealthStatus worst = HealthStatus.OK;
    for (Problem problem : problems) {
      if (problem.code().status().compareTo(worst) > 0) {
        worst = problem.code().status();
      }
    }
    return new Health(worst, problems);
  }

  /** Whether the watcher is blind: it cannot see what happens in the log. */
  public boolean failing() {
    return status == HealthStatus.FAILING;
  }

  /** Whether {@code code} is among the problems. */
  public boolean has(ProblemCode code) {
    return problems.stream().anyMatch(problem -> problem.code() == code);
  }
}
