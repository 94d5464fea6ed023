package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.SinkHealth;
import dev.bluegreen.watcher.notify.SinkStats;
import dev.bluegreen.watcher.page.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the watcher's messages go: the alerts the {@link Pipeline} decides, and the informational
 * notices about changes an operator made. Called on the reading thread: implementations must not
 * block.
 */
public interface Outlet {
  void alert(Alert alert);

  /** Maintenance mode was turned on or off. */
  void maintenance(boolean on, Instant at);

  /** The operator moved traffic from one pool to another on purpose. */
  void plannedSwitch(String from, String to, Instant at);

  /**
   * The watcher went blind, or sees again ({@code why}: what it cannot see and since when, or what
   * it sees again); nothing by default, as a replay cannot go blind.
   */
  default void sight(boolean blind, String why, Instant at) {}

  /** Each sink's delivery health, for the watcher's own health; none where nothing is sent. */
  default List<SinkHealth> sinkHealth() {
    return List.of();
  }

  /** Permanent delivery failures so far (for metrics); 0 where nothing can fail. */
  default long deliveryFailures() {
    return 0;
  }

  /** Each sink's delivery counts, for /metrics and /healthz; none where nothing is delivered. */
  default List<SinkStats> sinks() {
    return List.of();
  }

  /** By sink name, what is not delivered yet: what the state file keeps (the outbox). */
  default Map<String, List<Message>> undelivered() {
    return Map.of();
  }

  /** Moves whenever {@link #undelivered()} may have changed. */
  default long undeliveredVersion() {
    return 0;
  }

  /**
   * Whether a sink has a message not delivered yet (being sent, or waiting): its delivery will move
   * {@link #undeliveredVersion()} with no line read.
   */
  default boolean delivering() {
    return false;
  }

  /** The messages sent and their delivery at each sink, for the status page; none by default. */
  default Timeline timeline() {
    return null;
  }

  /** Sends what the last run left undelivered, before anything new. */
  default void restore(Map<String, List<Message>> undelivered) {}

  /**
   * An outlet for alerts alone: a replay or a test, where no operator turns maintenance on or
   * switches pools, so there is never a notice to pass on.
   */
  static Outlet of(Consumer<Alert> alerts) {
    return new Outlet() {
      @Override
      public void alert(Alert alert) {
        alerts.accept(alert);
      }

      @Override
      public void maintenance(boolean on, Instant at) {}

      @Override
      public void plannedSwitch(String from, String to, Instant at) {}
    };
  }
}
