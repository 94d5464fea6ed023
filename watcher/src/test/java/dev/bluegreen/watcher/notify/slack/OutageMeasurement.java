package dev.bluegreen.watcher.notify.slack;

import dev.bluegreen.watcher.Sinks;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.Samples;
import dev.bluegreen.watcher.notify.Servers;
import dev.bluegreen.watcher.notify.SinkStats;
import dev.bluegreen.watcher.time.Timing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The issue-12 measurement, scaled down, in real time (not part of the build's tests; run with
 * {@code mvn -pl watcher test -Dtest=OutageMeasurement}): Slack answers 503 for OUTAGE_S seconds
 * while the pools flip every FLIP_S seconds (a failover with an error-rate spike, then a recovery
 * with its resolution), then 200. Prints what arrived, when, and what was lost or sent twice.
 */
class OutageMeasurement {
  static final int OUTAGE_S = Integer.getInteger("outage", 60);
  static final int FLIP_S = Integer.getInteger("flip", 2);

  @Test
  void measure() throws Exception {
    long start = System.nanoTime();
    List<String> arrived = new ArrayList<>();
    List<Long> arrivedAt = new ArrayList<>();
    MockWebServer server = Servers.start();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (ms < OUTAGE_S * 1000L) {
              return Servers.answer(503, "down");
            }
            synchronized (arrived) {
              arrived.add(TestJson.read(request.getBody().utf8()).path("text").asText());
              arrivedAt.add(ms);
            }
            return Servers.ok();
          }
        });
    AlertDelivery delivery =
        Sinks.start(
            Servers.slack(server), new PrintWriter(new StringWriter()), Timing.SYSTEM, r -> {});
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    int flips = OUTAGE_S / FLIP_S;
    int[] published = {0};
    for (int i = 0; i < flips; i++) {
      int flip = i;
      clock.schedule(
          () -> {
            for (Alert alert : alerts(flip)) {
              delivery.publish(alert);
              published[0]++;
            }
          },
          (long) flip * FLIP_S * 1000,
          TimeUnit.MILLISECONDS);
    }
    long deadline = start + TimeUnit.SECONDS.toNanos(OUTAGE_S + 60);
    while (System.nanoTime() < deadline
        && (delivery.sinkStats().get(0).queued() > 0
            || System.nanoTime() - start < TimeUnit.SECONDS.toNanos(OUTAGE_S))) {
      Thread.sleep(100); // a measurement in real time, not a test
    }
    SinkStats stats = delivery.sinkStats().get(0);
    delivery.close();
    clock.shutdown();
    server.close();
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    for (String text : arrived) {
      duplicates += seen.add(text) ? 0 : 1;
    }
    System.out.printf(
        "outage %d s, flips every %d s: %d alerts published, %d requests failed (counted as they"
            + " failed), %d messages arrived after the outage, %d superseded, %d lost (queue_full"
            + " %d, refused %d, shutdown %d), %d sent twice%n",
        OUTAGE_S,
        FLIP_S,
        published[0],
        stats.failedAttempts(),
        arrived.size(),
        stats.dropped(dev.bluegreen.watcher.notify.DropReason.SUPERSEDED),
        stats.lost(),
        stats.dropped(dev.bluegreen.watcher.notify.DropReason.QUEUE_FULL),
        stats.dropped(dev.bluegreen.watcher.notify.DropReason.REFUSED),
        stats.dropped(dev.bluegreen.watcher.notify.DropReason.SHUTDOWN),
        duplicates);
    for (int i = 0; i < arrived.size(); i++) {
      System.out.printf(
          "  +%.1f s after Slack came back: %s%n",
          (arrivedAt.get(i) - OUTAGE_S * 1000L) / 1000.0,
          arrived.get(i).length() > 150 ? arrived.get(i).substring(0, 150) : arrived.get(i));
    }
  }

  /** A failover with an error-rate spike, or a recovery with its resolution. */
  private static List<Alert> alerts(int flip) {
    java.time.Instant at = Samples.AT.plusSeconds((long) flip * FLIP_S);
    boolean failover = flip % 2 == 0;
    return List.of(
        new PoolAlert(
            failover ? AlertKind.FAILOVER : AlertKind.RECOVERY,
            at,
            Samples.WHERE,
            failover ? "blue" : "green",
            failover ? "green" : "blue",
            null,
            false,
            false),
        new ErrorRateAlert(
            failover ? AlertKind.ERROR_RATE : AlertKind.ERROR_RATE_RESOLVED,
            at,
            Samples.WHERE,
            new ErrorRate(200, failover ? 20 : 0, 0, 5.0)));
  }
}
