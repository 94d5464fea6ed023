package dev.bluegreen.watcher.notify.alertmanager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one record of what Alertmanager was told is firing, by condition, and when to tell it again:
 * Alertmanager resolves an alert not heard of for its {@code resolve_timeout} (5 minutes by
 * default), so firing alerts are re-posted every {@link #REFRESH_EVERY} while idle, as Prometheus
 * does. Used by one sender thread.
 */
final class FiringAlerts {
  /** Well within Alertmanager's default resolve_timeout of 5 minutes. */
  static final Duration REFRESH_EVERY = Duration.ofMinutes(1);

  private final Map<String, AlertmanagerAlert> firing = new LinkedHashMap<>();
  private Instant lastRefresh;

  /** The alert firing for {@code condition}, or {@code null}. */
  AlertmanagerAlert get(String condition) {
    return firing.get(condition);
  }

  /** Notes what was posted for {@code condition}: a firing alert is kept, an ended one dropped. */
  void posted(String condition, AlertmanagerAlert alert) {
    if (alert.endsAt() == null) {
      firing.put(condition, alert);
    } else {
      firing.remove(condition);
    }
  }

  /**
   * The firing alerts when a refresh is due at {@code now}, else an empty list: the first idle call
   * starts the minute, and nothing is due while none fires.
   */
  List<AlertmanagerAlert> dueForRefresh(Instant now) {
    if (firing.isEmpty()) {
      lastRefresh = null;
      return List.of();
    }
    if (lastRefresh == null) {
      lastRefresh = now;
      return List.of();
    }
    if (Duration.between(lastRefresh, now).compareTo(REFRESH_EVERY) < 0) {
      return List.of();
    }
    lastRefresh = now;
    return new ArrayList<>(firing.values());
  }
}
