package dev.bluegreen.watcher.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.notify.SinkHealth;
import dev.bluegreen.watcher.source.LogAccess;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The health rules, row by row, with the time passed in. */
class HealthJudgeTest {
  private static final long T0 = 1_700_000_000_000L;

  private final HealthJudge judge = new HealthJudge();

  private static HealthFacts facts(LogAccess access, long run, long parsed) {
    return new HealthFacts(
        "/var/log/nginx/access.log",
        access,
        "permission denied",
        run,
        parsed,
        "x:1",
        null,
        List.of());
  }

  private static HealthFacts healthy() {
    return facts(LogAccess.READABLE, 0, 10);
  }

  @Test
  void aReadableLogWhoseLinesParseIsOk() {
    assertThat(judge.judge(healthy(), T0)).isEqualTo(Health.OK);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"UNREADABLE, log_unreadable", "NOT_REGULAR, log_not_regular"})
  void aLogThatCannotBeReadFailsAtOnce(LogAccess access, String code) {
    Health health = judge.judge(facts(access, 0, 0), T0);

    assertThat(health.status()).isEqualTo(HealthStatus.FAILING);
    assertThat(health.problems()).extracting(p -> p.code().wireName()).containsExactly(code);
    assertThat(health.problems().get(0).detail()).contains("/var/log/nginx/access.log");
  }

  @Test
  void aMissingLogFailsOnlyAfterAMinuteAndSaysSinceWhen() {
    assertThat(judge.judge(facts(LogAccess.MISSING, 0, 0), T0)).isEqualTo(Health.OK);
    assertThat(judge.judge(facts(LogAccess.MISSING, 0, 0), T0 + 59_999)).isEqualTo(Health.OK);

    Health health = judge.judge(facts(LogAccess.MISSING, 0, 0), T0 + 60_000);

    assertThat(health.problems())
        .containsExactly(
            new Problem(ProblemCode.LOG_MISSING, T0, "/var/log/nginx/access.log does not exist"));
    assertThat(judge.judge(healthy(), T0 + 61_000)).isEqualTo(Health.OK);
    assertThat(judge.judge(facts(LogAccess.MISSING, 0, 0), T0 + 62_000))
        .as("missing again: a new minute of grace")
        .isEqualTo(Health.OK);
  }

  @ParameterizedTest(name = "run {0}, parsed before {1}: failing {2}")
  @CsvSource({
    "99, 0, false",
    "100, 0, true",
    "999, 5, false",
    "1000, 5, true",
  })
  void noParsedLineAmongTheFirst100OrTheLast1000IsAFormatMismatch(
      long run, long parsed, boolean failing) {
    Health health = judge.judge(facts(LogAccess.READABLE, run, parsed), T0);

    assertThat(health.has(ProblemCode.FORMAT_MISMATCH)).isEqualTo(failing);
    assertThat(health.failing()).isEqualTo(failing);
  }

  @Test
  void aProblemKeepsTheTimeItBeganWhileItLasts() {
    judge.judge(facts(LogAccess.UNREADABLE, 0, 0), T0);
    Health later = judge.judge(facts(LogAccess.UNREADABLE, 0, 0), T0 + 5_000);

    assertThat(later.problems().get(0).sinceMillis()).isEqualTo(T0);
    judge.judge(healthy(), T0 + 6_000);
    assertThat(judge.judge(facts(LogAccess.UNREADABLE, 0, 0), T0 + 7_000).problems().get(0))
        .extracting(Problem::sinceMillis)
        .isEqualTo(T0 + 7_000);
  }

  @Test
  void anUnsavedStateDegrades() {
    HealthFacts facts =
        new HealthFacts("log", LogAccess.READABLE, null, 0, 1, null, "disk full", List.of());

    Health health = judge.judge(facts, T0);

    assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(health.problems())
        .extracting(Problem::code)
        .containsExactly(ProblemCode.STATE_UNSAVED);
  }

  @Test
  void aSinkFailingForAMinuteDegrades() {
    List<SinkHealth> sinks =
        List.of(new SinkHealth("slack", T0, 0), new SinkHealth("webhook", 0, 0));

    assertThat(judge.judge(withSinks(sinks), T0 + 59_000)).isEqualTo(Health.OK);
    Health health = judge.judge(withSinks(sinks), T0 + 60_000);

    assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(health.problems().get(0))
        .satisfies(p -> assertThat(p.code()).isEqualTo(ProblemCode.SINK_FAILING))
        .satisfies(p -> assertThat(p.sinceMillis()).isEqualTo(T0))
        .satisfies(p -> assertThat(p.detail()).contains("slack").doesNotContain("webhook"));
  }

  @Test
  void droppedAlertsDegradeForTenMinutesAfterTheLastDrop() {
    judge.judge(withSinks(List.of(new SinkHealth("slack", 0, 2))), T0); // dropped before: baseline
    assertThat(judge.judge(withSinks(List.of(new SinkHealth("slack", 0, 2))), T0 + 1))
        .isEqualTo(Health.OK);

    Health dropped = judge.judge(withSinks(List.of(new SinkHealth("slack", 0, 5))), T0 + 1_000);

    assertThat(dropped.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(dropped.problems().get(0).detail()).startsWith("3 alert messages were dropped");
    long tenMinutes = HealthJudge.DROPS_REMEMBERED_MILLIS;
    List<SinkHealth> same = List.of(new SinkHealth("slack", 0, 5));
    assertThat(judge.judge(withSinks(same), T0 + 1_000 + tenMinutes - 1).status())
        .isEqualTo(HealthStatus.DEGRADED);
    assertThat(judge.judge(withSinks(same), T0 + 1_000 + tenMinutes)).isEqualTo(Health.OK);
  }

  @Test
  void theWorstProblemDecidesTheStatus() {
    HealthFacts facts =
        new HealthFacts(
            "log", LogAccess.NOT_REGULAR, "a directory", 0, 0, null, "read-only", List.of());

    Health health = judge.judge(facts, T0);

    assertThat(health.status()).isEqualTo(HealthStatus.FAILING);
    assertThat(health.problems())
        .extracting(Problem::code)
        .containsExactly(ProblemCode.LOG_NOT_REGULAR, ProblemCode.STATE_UNSAVED);
  }

  private static HealthFacts withSinks(List<SinkHealth> sinks) {
    return new HealthFacts("log", LogAccess.READABLE, null, 0, 1, null, null, sinks);
  }
}
