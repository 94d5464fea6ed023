package dev.bluegreen.watcher.detect;

/**
 * After a planned switch at {@code at}, the requests {@code oldPrimary} still serves (in flight
 * while Nginx reloads) for {@link PoolFlipDetector#SWITCH_GRACE_MILLIS}, which are not a failover.
 *
 * @param oldPrimary the primary before the switch, or {@code null} before any switch
 * @param at the log time of the switch
 */
record SwitchGrace(String oldPrimary, long at) {

  /** No planned switch yet: no pool is ignored. */
  static final SwitchGrace NONE = new SwitchGrace(null, 0);

  /** Whether a request {@code pool} served at {@code now} is expected and ignored. */
  boolean covers(String pool, long now) {
    return pool.equals(oldPrimary) && now - at < PoolFlipDetector.SWITCH_GRACE_MILLIS;
  }
}
