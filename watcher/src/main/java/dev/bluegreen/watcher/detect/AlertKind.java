package dev.bluegreen.watcher.detect;

/** What an alert announces; {@link #wireName()} is the name used in JSON and by the sinks. */
public enum AlertKind {
  FAILOVER("failover"),
  RECOVERY("recovery"),
  ERROR_RATE("error_rate"),
  ERROR_RATE_RESOLVED("error_rate_resolved"),
  FLAPPING("flapping"),
  LATENCY("latency"),
  LATENCY_RESOLVED("latency_resolved"),
  STANDBY_DOWN("standby_down"),
  STANDBY_UP("standby_up");

  private final String wireName;

  AlertKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * Recoveries and resolutions close an incident someone was told about: no cooldown ever holds
   * them back.
   */
  public boolean closesIncident() {
    return this == RECOVERY
        || this == ERROR_RATE_RESOLVED
        || this == LATENCY_RESOLVED
        || this == STANDBY_UP;
  }
}
