package dev.bluegreen.watcher.detect;

import dev.bluegreen.watcher.parse.AccessEvent;
import java.util.function.Consumer;

/**
 * Tells people which pool serves: a failover when traffic leaves the expected primary, a recovery
 * when it comes back. Pure: time is the caller's.
 *
 * <p>Traffic off the primary is one episode, from the failover to the recovery. Leaving the primary
 * opens an episode and is announced on the first request another pool serves, so a failover is
 * known at once, whatever the cooldown. Any later change (back to the primary, or on to a third
 * pool) is announced once the new pool has settled: it served {@link #SETTLE_REQUESTS} requests in
 * a row, or it has been the latest pool for {@link #SETTLE_MILLIS}. Mixed traffic while Nginx flips
 * therefore yields one message, and the last pool message names the pool that serves, never held
 * back by the cooldown. The cooldown only spaces reminders ("still failed over") of an open
 * episode.
 *
 * <p>Flapping: when the third episode opens within one cooldown, one {@link FlappingAlert} goes out
 * instead of the failover; then nothing until one pool has served alone for the flap settle time,
 * which is announced as a failover or recovery marked {@code afterFlapping}.
 *
 * <p>A planned switch ({@link #plannedSwitch}) makes the new pool the primary without an alert;
 * requests the old primary still serves during the next {@link #SWITCH_GRACE_MILLIS} (in flight
 * while Nginx reloads) are not a failover.
 */
public final class PoolFlipDetector {
  /** Requests in a row from a pool that make it the serving pool. */
  public static final int SETTLE_REQUESTS = 3;

  /** Time as the latest pool that makes a pool the serving pool. */
  public static final long SETTLE_MILLIS = 5_000;

  /** After a planned switch, how long the old primary's requests are expected and ignored. */
  public static final long SWITCH_GRACE_MILLIS = 30_000;

  /** The episodes opened within one cooldown that make the pools flapping. */
  public static final int FLAPPING_EPISODES = 3;

  private final AlertGate gate;
  private final Episode episode = new Episode();
  private final PoolCandidate candidate = new PoolCandidate();
  private final Flapping flapping;
  private String primary;
  private String announced;
  private SwitchGrace grace = SwitchGrace.NONE;
  private PoolRun latest;

  /**
   * @param flapSettleMillis how long one pool must serve alone to end flapping
   */
  public PoolFlipDetector(String primary, AlertGate gate, long flapSettleMillis) {
    this.primary = primary;
    this.gate = gate;
    this.flapping = new Flapping(flapSettleMillis);
    this.announced = primary;
  }

  /** Takes one request into account; requests Nginx answered itself (no pool) change nothing. */
  public void observe(AccessEvent event, LineRef where, long now, Consumer<Alert> alerts) {
    tick(now, alerts);
    String pool = event.pool();
    if (pool == null || grace.covers(pool, now)) {
      return;
    }
    latest =
        latest == null
            ? new PoolRun(pool, now, where, event.release())
            : latest.then(pool, event.release(), where, now);
    if (flapping.isOn()) {
      return; // told when one pool has served alone long enough (tick)
    }
    if (pool.equals(announced)) {
      candidate.clear();
      remindIfStillFailedOver(event, where, now, alerts);
      return;
    }
    int inARow = candidate.count(pool, event.release(), where, now);
    if (announced.equals(primary) || inARow >= SETTLE_REQUESTS) {
      announceCandidate(now, alerts);
    }
  }

  /** Announces a pool that has settled by time; call it when no line came for a while. */
  public void tick(long now, Consumer<Alert> alerts) {
    if (!flapping.isOn() && candidate.latestFor(SETTLE_MILLIS, now)) {
      announceCandidate(now, alerts);
    }
    if (gate.mayAnnounce() && flapping.settledAt(latest, now)) {
      alerts.accept(flapping.settle(primary, latest, episode, now));
      announced = latest.pool();
    }
  }

  /**
   * Whether a {@link #tick} may announce something with time alone, no request arriving: a pool
   * that served the latest requests waits to settle, or the pools flap.
   */
  public boolean waitsOnTime() {
    return candidate.pool() != null || flapping.isOn();
  }

  /**
   * The operator moved traffic to {@code newPrimary} on purpose: it becomes the expected pool, and
   * people are told by a notice, not by this detector.
   */
  public void plannedSwitch(String newPrimary, long now) {
    if (newPrimary.equals(primary)) {
      return;
    }
    grace = new SwitchGrace(primary, now);
    primary = newPrimary;
    announced = newPrimary;
    candidate.clear();
    flapping.stop();
    episode.close();
  }

  private void announceCandidate(long now, Consumer<Alert> alerts) {
    if (!gate.mayAnnounce()) {
      return; // still pending: announced once maintenance is off, if traffic is still there
    }
    String to = candidate.pool();
    AlertKind kind = to.equals(primary) ? AlertKind.RECOVERY : AlertKind.FAILOVER;
    if (kind == AlertKind.RECOVERY) {
      episode.close();
    } else if (episode.isOpen()) {
      episode.announced(now); // on to a third pool: the same episode, told at once
    } else if (episode.open(now, gate.cooldownMillis()) >= FLAPPING_EPISODES) {
      alerts.accept(flapping.start(primary, candidate, episode));
      announced = to;
      candidate.clear();
      return;
    }
    alerts.accept(
        Alert.pool(
            kind,
            candidate.since(),
            candidate.where(),
            announced,
            to,
            candidate.release(),
            false,
            false));
    announced = to;
    candidate.clear();
  }

  private void remindIfStillFailedOver(
      AccessEvent event, LineRef where, long now, Consumer<Alert> alerts) {
    if (!announced.equals(primary)
        && gate.mayAnnounce()
        && episode.reminderDue(now, gate.cooldownMillis())) {
      alerts.accept(
          Alert.pool(
              AlertKind.FAILOVER, now, where, primary, announced, event.release(), true, false));
      episode.announced(now);
    }
  }

  /** The pool people were last told serves. */
  public String announcedPool() {
    return announced;
  }

  /** Whether a failover episode is open: traffic left the primary and has not come back. */
  public boolean offPrimary() {
    return episode.isOpen();
  }

  /** Whether the pools flap: the third episode opened within one cooldown, not settled since. */
  public boolean flapping() {
    return flapping.isOn();
  }

  /** The pool that served the latest request naming one: what the log shows now. */
  public String servingPool() {
    return latest == null ? announced : latest.pool();
  }

  public String primary() {
    return primary;
  }

  /**
   * Everything this detector remembers, for the state file. A state file of the previous version
   * has no {@code episode} nor {@code latest}: an episode is open when the announced pool is not
   * the primary.
   */
  public record State(
      String primary,
      String announced,
      String previousPrimary,
      long switchedAt,
      String candidate,
      int candidateRequests,
      long candidateSince,
      LineRef candidateWhere,
      String candidateRelease,
      Episode.State episode,
      PoolRun latest,
      boolean flapping,
      String flapTo) {}

  public State state() {
    return new State(
        primary,
        announced,
        grace.oldPrimary(),
        grace.at(),
        candidate.pool(),
        candidate.requests(),
        candidate.since(),
        candidate.where(),
        candidate.release(),
        episode.state(),
        latest,
        flapping.isOn(),
        flapping.to());
  }

  public void restore(State state) {
    primary = state.primary();
    announced = state.announced();
    grace = new SwitchGrace(state.previousPrimary(), state.switchedAt());
    candidate.restore(
        state.candidate(),
        state.candidateRequests(),
        state.candidateSince(),
        state.candidateWhere(),
        state.candidateRelease());
    episode.restore(
        state.episode() != null
            ? state.episode()
            : new Episode.State(!announced.equals(primary), Long.MIN_VALUE, null));
    latest = state.latest();
    flapping.restore(state.flapping() && latest != null, state.flapTo());
  }
}
