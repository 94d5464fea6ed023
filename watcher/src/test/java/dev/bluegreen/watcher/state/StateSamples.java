package dev.bluegreen.watcher.state;

import dev.bluegreen.watcher.detect.AlertGate;
import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.detect.Episode;
import dev.bluegreen.watcher.detect.ErrorRateDetector;
import dev.bluegreen.watcher.detect.LatencyDetector;
import dev.bluegreen.watcher.detect.LineRef;
import dev.bluegreen.watcher.detect.PoolFlipDetector;
import dev.bluegreen.watcher.detect.PoolRun;
import dev.bluegreen.watcher.detect.ProbeResult;
import dev.bluegreen.watcher.detect.Severity;
import dev.bluegreen.watcher.detect.StandbyDetector;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.Samples;
import dev.bluegreen.watcher.notify.SavedMessage;
import dev.bluegreen.watcher.parse.AccessEvent;
import dev.bluegreen.watcher.source.FileIdentity;
import dev.bluegreen.watcher.source.LogPosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** States of every shape the state file holds, for the tests of its format. */
final class StateSamples {
  /** Text that needs escaping in JSON: quotes, control characters, non-ASCII, an emoji. */
  static final String AWKWARD = "a \"b\" \\ c\n\t\u0001\u001f é ü 😀 </script> \u2028";

  private StateSamples() {}

  /** Every field of every record set, texts that need escaping included. */
  static WatcherState full() {
    LineRef where = new LineRef("access.log " + AWKWARD, 1234);
    Episode.State episode = new Episode.State(true, 1_000_000, List.of(900_000L, 950_000L));
    Detectors.State detectors =
        new Detectors.State(
            new ErrorRateDetector.State(
                "AAEC" + AWKWARD, true, episode, true, true, 1_200_000, where, Severity.CRITICAL),
            new PoolFlipDetector.State(
                "blue",
                "green",
                "blue",
                1_100_000,
                "green",
                7,
                1_150_000,
                where,
                "g-1.2",
                episode,
                new PoolRun("green", 1_150_000, where, "g-1.2"),
                true,
                "green"),
            new AlertGate.State(true),
            new LatencyDetector.State(
                new int[] {0, 1, 250, 2_147_483_647}, episode, true, false, 1_300_000, where),
            new Detectors.Standby(
                new StandbyDetector.State(
                    List.of(
                        new StandbyDetector.PoolState("green", false, 3, AWKWARD, 1_400_000, true),
                        new StandbyDetector.PoolState("blue", null, 0, null, 0, false)),
                    List.of(episode, new Episode.State(false, Long.MIN_VALUE, List.of()))),
                1_450_000));
    Map<String, List<Message>> outbox = new LinkedHashMap<>(); // the order the file keeps
    outbox.put("slack", messages());
    outbox.put("webhook", List.of());
    return new WatcherState(
        WatcherState.VERSION,
        "/var/log/nginx/" + AWKWARD,
        new LogPosition(new FileIdentity("(dev=1,ino=2)", "fp " + AWKWARD), 10_000, 99),
        "blue",
        true,
        detectors,
        SavedMessage.save(outbox));
  }

  /** A first start's state: fresh detectors, no probes, no outbox (null, as before the outbox). */
  static WatcherState fresh() {
    return new WatcherState(
        WatcherState.VERSION,
        "/var/log/nginx/access.log",
        new LogPosition(new FileIdentity("(dev=1,ino=2)", "fp"), 10),
        "blue",
        false,
        detectors().state(),
        null);
  }

  /** Detectors that saw a failover, an error spike, slow requests and a standby going down. */
  static WatcherState busy() {
    Detectors detectors = detectors();
    detectors.probeEvery(5_000, Set.of("green"));
    long now = 2_000_000;
    for (int line = 1; line <= 120; line++) {
      String pool = line <= 60 ? "blue" : "green";
      int status = line % 3 == 0 ? 502 : 200;
      detectors.observe(
          new AccessEvent(now, status, pool, "v1-" + pool, "10.0.0.2:3000", 1, 0, line * 20),
          new LineRef("access.log", line),
          now += 100);
      if (line % 20 == 0) {
        detectors.probed(ProbeResult.down("green", "HTTP 503"), now);
      }
    }
    return new WatcherState(
        WatcherState.VERSION,
        "/var/log/nginx/access.log",
        new LogPosition(new FileIdentity("(dev=1,ino=2)", "fp"), 12_345, 120),
        "blue",
        false,
        detectors.state(),
        SavedMessage.save(Map.of("webhook", messages())));
  }

  /** One message of every kind. */
  static List<Message> messages() {
    return List.of(
        Message.of(Samples.failoverWithEvidence()),
        Message.of(Samples.failover("blue", "green", AWKWARD)),
        Message.of(Samples.recovery()),
        Message.of(Samples.flapping()),
        Message.of(Samples.errorRate()),
        Message.of(Samples.escalated()),
        Message.of(Samples.resolved()),
        Message.of(Samples.latency()),
        Message.of(Samples.latencyResolved()),
        Message.of(Samples.standbyDown()),
        Message.of(Samples.standbyUp()),
        Message.sample(Samples.failover()),
        Notice.maintenanceOn(Samples.AT),
        Notice.maintenanceOff(Samples.AT),
        Notice.plannedSwitch(Samples.AT, "blue", "green"),
        Notice.blind(Samples.AT, "cannot read " + AWKWARD),
        Notice.seesAgain(Samples.AT, "reads it again"),
        new Notice.Summary(Samples.AT, "slack", "latency", List.of("slow requests", AWKWARD), 2));
  }

  private static Detectors detectors() {
    return new Detectors(200, 2.0, 50, 1000, 300_000, 30_000, "blue", false, alert -> {});
  }
}
