package dev.bluegreen.watcher.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Alerts when a pool that would take the traffic of a failover fails its health checks: the one
 * failure no access log can show. Pure: probe results and time are the caller's.
 *
 * <p>Policy: {@link #FAILURES_TO_ALERT} failed checks in a row of a <em>watched</em> pool open a
 * {@code standby_down} episode; a passing check closes it with {@code standby_up}. A pool is
 * watched when it is not the serving pool (the one the log shows now), or when it is but gets no
 * traffic: no log line named any pool for {@link #QUIET_INTERVALS} probe intervals (or never since
 * start). A serving pool with traffic is left to the log signals (failover, error rate); when the
 * serving pool changes, the standby is the other pool and every pool is judged again: an open
 * episode of a pool that now serves traffic closes with {@code standby_up} (the log vouches for
 * it). Episode rules as everywhere ({@link AlertGate}): nothing is announced during maintenance
 * (the condition is announced once it is off, if still there); the cooldown spaces reminders only.
 */
public final class StandbyDetector {
  /** Failed checks in a row that make a watched pool down (an uptime monitor's usual 3). */
  public static final int FAILURES_TO_ALERT = 3;

  /** Probe intervals without a log line naming a pool after which the serving pool is watched. */
  public static final int QUIET_INTERVALS = 3;

  private static final long NEVER = Long.MIN_VALUE;

  private final AlertGate gate;
  private final long quietMillis;
  private final Set<String> probed;
  private final Map<String, Pool> pools = new LinkedHashMap<>();

  /** What is known of one pool's checks. */
  private static final class Pool {
    Boolean up; // null before the first check
    int failuresInRow;
    String lastError;
    long lastCheck = NEVER;
    final Episode episode = new Episode();
  }

  /**
   * @param intervalMillis the time between two checks of a pool (PROBE_INTERVAL_SEC)
   * @param probed the pools PROBE_URLS names: a restored pool no longer among them is forgotten
   */
  public StandbyDetector(AlertGate gate, long intervalMillis, Set<String> probed) {
    this.gate = gate;
    this.quietMillis = QUIET_INTERVALS * intervalMillis;
    this.probed = Set.copyOf(probed);
  }

  /**
   * One check's result at {@code now} (epoch millis, wall clock), then the verdict.
   *
   * @param serving the pool the log shows now
   * @param lastServedAt the log time of the latest line naming a pool, {@link Long#MIN_VALUE} if
   *     none
   */
  public void probed(
      ProbeResult result, String serving, long lastServedAt, long now, Consumer<Alert> alerts) {
    Pool pool = pools.computeIfAbsent(result.pool(), p -> new Pool());
    pool.up = result.up();
    pool.lastCheck = now;
    if (result.up()) {
      pool.failuresInRow = 0;
    } else {
      pool.failuresInRow++;
      pool.lastError = result.error();
    }
    tick(serving, lastServedAt, now, alerts);
  }

  /** Judges every pool again: the serving pool may have changed, or gone quiet. */
  public void tick(String serving, long lastServedAt, long now, Consumer<Alert> alerts) {
    if (pools.isEmpty() || !gate.mayAnnounce()) {
      return; // no probes; or maintenance: what is still true is announced once it is off
    }
    for (Map.Entry<String, Pool> entry : pools.entrySet()) {
      String name = entry.getKey();
      Pool pool = entry.getValue();
      boolean watched = !name.equals(serving) || quiet(lastServedAt, now);
      boolean down = watched && pool.failuresInRow >= FAILURES_TO_ALERT;
      Episode episode = pool.episode;
      if (down && !episode.isOpen()) {
        episode.open(now, gate.cooldownMillis());
        alerts.accept(alert(AlertKind.STANDBY_DOWN, name, serving, pool, now, false));
      } else if (down && episode.reminderDue(now, gate.cooldownMillis())) {
        episode.announced(now);
        alerts.accept(alert(AlertKind.STANDBY_DOWN, name, serving, pool, now, true));
      } else if (!down && episode.isOpen()) {
        episode.close();
        alerts.accept(alert(AlertKind.STANDBY_UP, name, serving, pool, now, false));
      }
    }
  }

  /**
   * Whether a {@link #tick} may decide something with time alone, no probe result arriving: a pool
   * failing its checks (the serving pool going quiet makes it watched; an open episode's reminder).
   */
  public boolean waitsOnTime() {
    for (Pool pool : pools.values()) {
      if (pool.failuresInRow >= FAILURES_TO_ALERT) {
        return true;
      }
    }
    return false;
  }

  private boolean quiet(long lastServedAt, long now) {
    return lastServedAt == NEVER || now - lastServedAt >= quietMillis;
  }

  private static Alert alert(
      AlertKind kind, String name, String serving, Pool pool, long now, boolean reminder) {
    return new StandbyAlert(
        kind,
        Instant.ofEpochMilli(now),
        name,
        serving,
        pool.failuresInRow,
        kind == AlertKind.STANDBY_UP ? null : pool.lastError,
        reminder);
  }

  /**
   * What is known of one probed pool now.
   *
   * @param up whether its last check passed, {@code null} before the first
   * @param lastCheckMillis when it was last checked, {@link Long#MIN_VALUE} if never
   * @param alerted a {@code standby_down} episode is open
   */
  public record PoolState(
      String pool,
      Boolean up,
      int failuresInRow,
      String lastError,
      long lastCheckMillis,
      boolean alerted) {}

  /** The pools checked so far, in the order of their first result. */
  public List<PoolState> pools() {
    List<PoolState> states = new ArrayList<>(pools.size());
    pools.forEach(
        (name, pool) ->
            states.add(
                new PoolState(
                    name,
                    pool.up,
                    pool.failuresInRow,
                    pool.lastError,
                    pool.lastCheck,
                    pool.episode.isOpen())));
    return states;
  }

  /**
   * What the state file keeps: each pool's checks and its episode, so a restart neither repeats a
   * {@code standby_down} nor forgets to close it.
   */
  public record State(List<PoolState> pools, List<Episode.State> episodes) {}

  public State state() {
    List<Episode.State> episodes = new ArrayList<>(pools.size());
    pools.values().forEach(pool -> episodes.add(pool.episode.state()));
    return new State(pools(), episodes);
  }

  /**
   * Restores {@link #state()}; {@code null} (a file of a version before probes) is no probe yet.
   */
  public void restore(State state) {
    pools.clear();
    if (state == null || state.pools() == null) {
      return;
    }
    for (int i = 0; i < state.pools().size(); i++) {
      PoolState saved = state.pools().get(i);
      if (saved == null || !PoolName.isValid(saved.pool()) || !probed.contains(saved.pool())) {
        continue; // no longer probed (its episode ends unannounced), or an edited file
      }
      Pool pool = new Pool();
      pool.up = saved.up();
      pool.failuresInRow = Math.max(0, saved.failuresInRow());
      pool.lastError = saved.lastError();
      pool.lastCheck = saved.lastCheckMillis();
      Episode.State episode =
          state.episodes() != null && i < state.episodes().size()
              ? state.episodes().get(i)
              : new Episode.State(saved.alerted(), Long.MIN_VALUE, null);
      pool.episode.restore(episode);
      pools.put(saved.pool(), pool);
    }
  }
}
