package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Alert;
import java.time.Instant;

/**
 * Where the live watcher's messages go: alerts, and the informational notices about changes an
 * operator made. Implementations must not block: they are called on the reading thread.
 */
public interface Outlet {
  void alert(Alert alert);

  /** Maintenance mode was turned on or off. */
  void maintenance(boolean on, Instant at);

  /** The operator moved traffic from one pool to another on purpose. */
  void plannedSwitch(String from, String to, Instant at);

  /** Permanent delivery failures so far (for metrics); 0 where nothing can fail. */
  default long deliveryFailures() {
    return 0;
  }
}
