package dev.bluegreen.watcher.detect;

import static dev.bluegreen.watcher.detect.Events.served;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random pool sequences (flips, back-and-forth, flapping, gaps of log time), then traffic settles
 * on one pool: the last pool message must name that pool, within the settle time unless the pools
 * flap, and at the end of the input (as a replay ends) in every case.
 */
class LastWordModelTest {
  private static final String[] POOLS = {"blue", "green", "red"};
  private static final long[] COOLDOWNS = {0, 10_000, 300_000};
  private static final long FLAP_SETTLE = 30_000;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theLastPoolMessageNamesThePoolThatSettled(long seed) {
    Random random = new Random(seed);
    List<Alert> alerts = new ArrayList<>();
    long cooldown = COOLDOWNS[random.nextInt(COOLDOWNS.length)];
    Detectors detectors =
        new Detectors(200, 2.0, 50, 1000, cooldown, FLAP_SETTLE, "blue", false, alerts::add);
    List<String> history = new ArrayList<>();
    long now = 1_000_000;
    long line = 0;
    int flips = random.nextInt(60);
    for (int i = 0; i < flips; i++) {
      String pool = random.nextInt(3) == 0 ? POOLS[random.nextInt(POOLS.length)] : "blue";
      if (random.nextInt(4) == 0) {
        pool = "green";
      }
      int run = 1 + random.nextInt(4);
      for (int r = 0; r < run; r++) {
        now += random.nextInt(10) == 0 ? random.nextInt(20_000) : 100 + random.nextInt(900);
        detectors.observe(served(pool), new LineRef("a", ++line), now);
        history.add(pool);
      }
    }
    String settled = POOLS[random.nextInt(POOLS.length)];
    for (int r = 0; r < PoolFlipDetector.SETTLE_REQUESTS; r++) {
      now += 100 + random.nextInt(900);
      detectors.observe(served(settled), new LineRef("a", ++line), now);
      history.add(settled);
    }
    String tail = history.subList(Math.max(0, history.size() - 30), history.size()).toString();

    // a failover whose lines never say why waits for that up to EvidenceWait's two seconds
    detectors.tick(now);
    detectors.tick(now + EvidenceWait.WAIT_MILLIS);
    if (!detectors.flapping()) {
      assertThat(lastPoolTo(alerts, "blue"))
          .as("seed %d, cooldown %d, within the settle time, after ...%s", seed, cooldown, tail)
          .isEqualTo(settled);
    }
    detectors.finish(now);

    assertThat(lastPoolTo(alerts, "blue"))
        .as("seed %d, cooldown %d, at the end, after ...%s: %s", seed, cooldown, tail, alerts)
        .isEqualTo(settled);
    assertThat(detectors.announcedPool()).isEqualTo(settled);
    assertThat(detectors.servingPool()).isEqualTo(settled);
    assertThat(alerts)
        .as("every message is a pool message")
        .allMatch(a -> !(a instanceof ErrorRateAlert));
  }

  /** The pool the last pool message names, or {@code primary} when none was sent. */
  private static String lastPoolTo(List<Alert> alerts, String primary) {
    String to = primary;
    for (Alert alert : alerts) {
      if (alert instanceof PoolAlert pool) {
        to = pool.to();
      } else if (alert instanceof FlappingAlert flapping) {
        to = flapping.to();
      }
    }
    return to;
  }
}
