package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DropReportTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  @ParameterizedTest(name = "after a line at {0} drops, the next at {1}")
  @CsvSource({"1, 10", "9, 10", "10, 100", "99, 100", "100, 1000", "999, 1000", "1000, 2000"})
  void linesAreWrittenAtThe1st10th100thAndEvery1000thDrop(long n, long next) {
    assertThat(DropReport.nextReportAfter(n)).isEqualTo(next);
  }

  @Test
  void aFloodOfDropsIsAHandfulOfWarnings() {
    DropReport report = new DropReport();
    SinkLog log = new SinkLog("slack", text -> text);
    List<Integer> reportedAt = new ArrayList<>();

    for (int n = 1; n <= 2500; n++) {
      report.dropped(Message.of(Samples.failover()));
      int before = logs.lines().size();
      report.report(log);
      if (logs.lines().size() > before) {
        reportedAt.add(n);
      }
    }

    assertThat(reportedAt).containsExactly(1, 10, 100, 1000, 2000);
    assertThat(logs.lines().get(0))
        .isEqualTo(
            "WARN slack: queue full: dropped the oldest failover alert (1 dropped so far;"
                + " first announcements are never dropped)");
  }
}
