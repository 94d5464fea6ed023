package dev.bluegreen.watcher.detect;

/**
 * The episode rules of a condition judged over the sliding window (the error rate, the p99 request
 * time), shared by their detectors, which decide what is above or back down and what to say. Pure:
 * time is the caller's.
 *
 * <p>An episode opens on a request that pushes the window over (or one maintenance held back): the
 * window merely reaching its minimum size opens nothing. It resolves once the window is back down,
 * at once or, for the third episode within one cooldown, once it stayed down for the flap settle
 * time. Nothing is announced while the {@link AlertGate} says not to; the cooldown spaces reminders
 * only.
 */
final class WindowEpisodes {
  private static final long NOT_OK = Long.MIN_VALUE;

  private final AlertGate gate;
  private final long flapSettleMillis;
  private final Episode episode = new Episode();
  private boolean pendingOpen;
  private boolean sticky;
  private long okSince = NOT_OK;
  // the last request's line, kept as its parts: storing the LineRef would allocate one per line
  private String lastFile;
  private long lastLine;

  WindowEpisodes(AlertGate gate, long flapSettleMillis) {
    this.gate = gate;
    this.flapSettleMillis = flapSettleMillis;
  }

  /** A request at {@code where} entered the window, which is {@code ok} (back down) or not. */
  void seen(LineRef where, boolean ok, long now) {
    lastFile = where.file();
    lastLine = where.line();
    okSince = !ok ? NOT_OK : okSince == NOT_OK ? now : okSince;
  }

  /**
   * Above the threshold with no episode open: whether to announce one now; {@code pushedOver}: the
   * request just seen is one that counts against the threshold.
   */
  boolean opensNow(boolean pushedOver) {
    pendingOpen |= pushedOver;
    return pendingOpen && gate.mayAnnounce();
  }

  /** The opening was announced at {@code now}. */
  void opened(long now) {
    sticky = episode.open(now, gate.cooldownMillis()) >= PoolFlipDetector.FLAPPING_EPISODES;
    pendingOpen = false;
  }

  /** The window is not above the threshold: a request held back opens nothing later. */
  void notAbove() {
    pendingOpen = false;
  }

  /** Whether the open episode is due a reminder now (a cooldown of 0: never). */
  boolean reminderDue(long now) {
    return episode.reminderDue(now, gate.cooldownMillis());
  }

  /** Whether something about the open episode may be told now, the cooldown aside. */
  boolean mayAnnounce() {
    return gate.mayAnnounce();
  }

  /** Something about the open episode was told at {@code now}. */
  void announced(long now) {
    episode.announced(now);
  }

  /** Whether the open episode resolves now: back down, and for long enough if it flapped. */
  boolean resolvesNow(long now) {
    return okSince != NOT_OK
        && episode.isOpen()
        && gate.mayAnnounce()
        && (!sticky || now - okSince >= flapSettleMillis);
  }

  /**
   * Whether the open episode is back down and waits to be told so: {@link #resolvesNow} can turn
   * true with time alone (the flap settle time, maintenance ending).
   */
  boolean resolving() {
    return okSince != NOT_OK && episode.isOpen();
  }

  /** The resolution was announced. */
  void resolved() {
    episode.close();
    sticky = false;
  }

  boolean isOpen() {
    return episode.isOpen();
  }

  /** The last request's line, {@code null} before the first. */
  LineRef lastWhere() {
    return lastFile == null ? null : new LineRef(lastFile, lastLine);
  }

  Episode.State episode() {
    return episode.state();
  }

  boolean pendingOpen() {
    return pendingOpen;
  }

  boolean sticky() {
    return sticky;
  }

  /** Since when the window is back down, {@link Long#MIN_VALUE} while it is not. */
  long okSince() {
    return okSince;
  }

  /** Restores what {@link #episode()} and the accessors gave; an {@code okSince} of 0: unknown. */
  void restore(
      Episode.State episode, boolean pendingOpen, boolean sticky, long okSince, LineRef last) {
    this.episode.restore(episode);
    this.pendingOpen = pendingOpen;
    this.sticky = sticky;
    this.okSince = okSince == 0 ? NOT_OK : okSince;
    lastFile = last == null ? null : last.file();
    lastLine = last == null ? 0 : last.line();
  }
}
