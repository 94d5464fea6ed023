package dev.bluegreen.watcher.probe;

import dev.bluegreen.watcher.detect.StandbyDetector.PoolState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What /healthz, /metrics and the status page show of one probed pool.
 *
 * @param pool the pool
 * @param url its health URL
 * @param state {@code up}, {@code down}, or {@code unknown} before its first check
 * @param serving whether it is the pool the log shows serving now
 * @param failuresInRow checks failed in a row (0 after a passing one)
 * @param lastError why the latest failed check failed, or {@code null} (none, or up since)
 * @param lastCheck when it was last checked, or {@code null}
 */
public record ProbeStatus(
    String pool,
    String url,
    String state,
    boolean serving,
    int failuresInRow,
    String lastError,
    Instant lastCheck) {

  /** Each target in PROBE_URLS order, with what the detectors know of it. */
  public static List<ProbeStatus> of(
      List<ProbeTarget> targets, List<PoolState> known, String serving) {
    if (targets.isEmpty()) {
      return List.of(); // no probes: nothing allocated at each publish
    }
    List<ProbeStatus> statuses = new ArrayList<>(targets.size());
    for (ProbeTarget target : targets) {
      PoolState state =
          known.stream().filter(k -> k.pool().equals(target.pool())).findFirst().orElse(null);
      boolean checked = state != null && state.up() != null;
      statuses.add(
          new ProbeStatus(
              target.pool(),
              target.url().toString(),
              !checked ? "unknown" : state.up() ? "up" : "down",
              target.pool().equals(serving),
              state == null ? 0 : state.failuresInRow(),
              checked && !state.up() ? state.lastError() : null,
              !checked ? null : Instant.ofEpochMilli(state.lastCheckMillis())));
    }
    return statuses;
  }
}
