package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Sinks;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlertDeliveryTest {
  private static final DeliveryConfig NO_SINK =
      DeliveryConfig.builder()
          .instance("web-1")
          .queueCapacity(10)
          .requestTimeout(Duration.ofSeconds(1))
          .build();

  @RegisterExtension final Recorder recorder = new Recorder();

  @Test
  void withoutSlackAlertsArePrintedAndTheWatcherSaysSoOnce() {
    AlertDelivery delivery = Sinks.start(NO_SINK, recorder.out);
    delivery.publish(Samples.failover());
    delivery.publish(Notice.maintenanceOn(Samples.AT));
    delivery.publish(Samples.recovery());
    delivery.close();

    assertThat(recorder.out().lines())
        .containsExactly(
            "2025-01-01T03:04:05Z  warning   FAILOVER  traffic moved from blue to green (release"
                + " green-1.4.2)  [access.log:1234]",
            "2025-01-01T03:04:05Z  NOTICE  Maintenance mode on: Alerts are suppressed until"
                + " maintenance mode is turned off.",
            "2025-01-01T03:09:05Z  warning   RECOVERY  traffic is back on blue from green (release"
                + " blue-1.4.1)  [access.log:1234]");
    assertThat(recorder.log())
        .containsOnlyOnce("WARN Slack is not configured (SLACK_WEBHOOK_URL is unset)")
        .contains("INFO alerts go to console (stdout)");
    assertThat(delivery.stats()).isEqualTo(new DeliveryStats(3, 0, 0, 0, 0));
    assertThat(delivery.sinks()).containsExactly("console");
  }

  @Test
  void closeIsSafeTwiceAndPublishAfterCloseNeitherBlocksNorThrows() {
    AlertDelivery delivery = Sinks.start(NO_SINK, recorder.out);
    delivery.close();
    delivery.close();

    delivery.publish(Samples.failover());

    assertThat(delivery.stats()).isEqualTo(new DeliveryStats(0, 0, 1, 0, 0));
  }
}
