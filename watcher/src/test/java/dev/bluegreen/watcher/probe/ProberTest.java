package dev.bluegreen.watcher.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Await;
import dev.bluegreen.watcher.detect.ProbeResult;
import dev.bluegreen.watcher.time.Timing;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The probe thread: rounds in PROBE_URLS order, one interval apart, none without targets. */
class ProberTest {
  private static final List<ProbeTarget> TARGETS =
      List.of(
          new ProbeTarget("blue", URI.create("http://blue:3000/healthz")),
          new ProbeTarget("green", URI.create("http://green:3000/healthz")));

  private final List<List<ProbeResult>> rounds = new CopyOnWriteArrayList<>();

  private static boolean probeThreadRuns() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("probe") && t.isAlive());
  }

  @Test
  void eachRoundChecksEveryPoolInOrderAndHandsTheResultsOn() {
    ProbeConfig config = new ProbeConfig(TARGETS, Duration.ofSeconds(1));
    try (Prober prober =
        new Prober(
            config,
            target -> ProbeResult.down(target.pool(), "fake"),
            Timing.SYSTEM,
            rounds::add)) {
      prober.start();
      Await.until("two rounds", () -> rounds.size() >= 2);
    }

    assertThat(rounds.get(0)).extracting(ProbeResult::pool).containsExactly("blue", "green");
    assertThat(probeThreadRuns()).as("the probe thread after close").isFalse();
  }

  @Test
  void withoutTargetsNothingRuns() {
    try (Prober prober =
        new Prober(
            ProbeConfig.NONE,
            target -> ProbeResult.up(target.pool()),
            Timing.SYSTEM,
            rounds::add)) {
      prober.start();

      assertThat(probeThreadRuns()).isFalse();
    }
    assertThat(rounds).isEmpty();
  }

  @Test
  void timeoutsStayBelowTheInterval() {
    ProbeConfig everySecond = new ProbeConfig(TARGETS, Duration.ofSeconds(1));
    ProbeConfig usual = new ProbeConfig(TARGETS, Duration.ofSeconds(10));

    assertThat(everySecond.connectTimeout().plus(everySecond.readTimeout()))
        .isLessThan(Duration.ofSeconds(1));
    assertThat(usual.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(usual.readTimeout()).isEqualTo(Duration.ofSeconds(3));
  }
}
