package dev.bluegreen.watcher.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random request times against a trivial model (the last N times kept in a list, sorted for each
 * percentile): the histogram's percentiles, the counts above the limits and the slowest request
 * must match after every request. Each failure names the seed and the step.
 */
class LatencyWindowModelTest {

  @RepeatedTest(20)
  void matchesSortingTheLastNTimes(RepetitionInfo repetition) {
    long seed = 7919L * repetition.getCurrentRepetition();
    Random random = new Random(seed);
    int capacity = 1 + random.nextInt(repetition.getCurrentRepetition() % 2 == 0 ? 10 : 300);
    int limit = 1 + random.nextInt(2000);
    LatencyWindow window = new LatencyWindow(capacity, limit, limit / 2);
    Deque<int[]> model = new ArrayDeque<>(); // {millis, line}

    for (int step = 1; step <= 3000; step++) {
      int millis = time(random);
      window.add(millis, "access.log", step, "req-" + step);
      model.addLast(new int[] {millis, step});
      if (model.size() > capacity) {
        model.removeFirst();
      }
      String at = "seed " + seed + ", step " + step + ", capacity " + capacity;
      List<Integer> sorted = new ArrayList<>();
      model.forEach(r -> sorted.add(r[0]));
      sorted.sort(null);
      int n = sorted.size();
      assertThat(window.size()).as(at).isEqualTo(n);
      for (int percent : new int[] {50, 99}) {
        int expected = Math.min(LatencyWindow.TOP_MILLIS, sorted.get((percent * n + 99) / 100 - 1));
        assertThat(window.percentile(percent)).as(at + ", p" + percent).isEqualTo(expected);
      }
      assertThat(window.slow()).as(at).isEqualTo(count(sorted, limit));
      assertThat(window.aboveResolve()).as(at).isEqualTo(count(sorted, limit / 2));
      int max = sorted.get(n - 1);
      int newestSlowest = 0;
      for (int[] r : model) {
        if (r[0] == max) {
          newestSlowest = r[1];
        }
      }
      int slowest = window.slowest();
      assertThat(window.millisAt(slowest)).as(at).isEqualTo(max);
      assertThat(window.whereAt(slowest))
          .as(at)
          .isEqualTo(new LineRef("access.log", newestSlowest));
      assertThat(window.requestIdAt(slowest)).as(at).isEqualTo("req-" + newestSlowest);
    }
  }

  /** Mostly fast, some slow, a few beyond the histogram's top, runs of equal times. */
  private static int time(Random random) {
    int kind = random.nextInt(100);
    if (kind < 70) {
      return random.nextInt(50);
    }
    if (kind < 95) {
      return random.nextInt(3000);
    }
    if (kind < 98) {
      return 1000;
    }
    return LatencyWindow.TOP_MILLIS - 5 + random.nextInt(100_000);
  }

  private static int count(List<Integer> times, int above) {
    return (int) times.stream().filter(t -> t > above).count();
  }
}
