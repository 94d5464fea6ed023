package dev.bluegreen.watcher.detect;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides whether an alert may go out now: at most one alert of a kind per cooldown, nothing in
 * maintenance mode, and never a cooldown on recoveries and resolutions. Time is passed in. Not
 * thread safe: the reading thread owns it, controls reach it through that thread.
 */
public final class AlertGate {
  private static final long NEVER = Long.MIN_VALUE;

  private final long cooldownMillis;
  private final long[] lastAnnounced = new long[AlertKind.values().length];
  private boolean maintenance;

  public AlertGate(long cooldownMillis, boolean maintenance) {
    this.cooldownMillis = cooldownMillis;
    this.maintenance = maintenance;
    Arrays.fill(lastAnnounced, NEVER);
  }

  /** Whether an alert of {@code kind} may be announced at {@code now}. */
  public boolean mayAnnounce(AlertKind kind, long now) {
    if (maintenance) {
      return false;
    }
    if (kind.closesIncident()) {
      return true;
    }
    long last = lastAnnounced[kind.ordinal()];
    return last == NEVER || now - last >= cooldownMillis;
  }

  /** Records that an alert of {@code kind} went out at {@code now}. */
  public void announced(AlertKind kind, long now) {
    lastAnnounced[kind.ordinal()] = now;
  }

  public boolean maintenance() {
    return maintenance;
  }

  public void maintenance(boolean on) {
    maintenance = on;
  }

  /**
   * When each kind was last announced (epoch millis, by {@link AlertKind#wireName()}) and whether
   * maintenance is on.
   */
  public record State(Map<String, Long> lastAnnounced, boolean maintenance) {}

  public State state() {
    Map<String, Long> last = new LinkedHashMap<>();
    for (AlertKind kind : AlertKind.values()) {
      if (lastAnnounced[kind.ordinal()] != NEVER) {
        last.put(kind.wireName(), lastAnnounced[kind.ordinal()]);
      }
    }
    return new State(last, maintenance);
  }

  public void restore(State state) {
    Arrays.fill(lastAnnounced, NEVER);
    for (AlertKind kind : AlertKind.values()) {
      Long last = state.lastAnnounced() == null ? null : state.lastAnnounced().get(kind.wireName());
      if (last != null) {
        lastAnnounced[kind.ordinal()] = last;
      }
    }
    maintenance = state.maintenance();
  }
}
