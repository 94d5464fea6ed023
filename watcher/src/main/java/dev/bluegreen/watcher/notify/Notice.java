package dev.bluegreen.watcher.notify;

import java.time.Instant;
import java.util.List;

/**
 * A short informational message from the live watcher (maintenance on or off, a planned pool
 * switch): posted to Slack, the generic webhook and the console, never paging, never to
 * Alertmanager.
 */
public sealed interface Notice extends Message
    permits Notice.Maintenance, Notice.PlannedSwitch, Notice.Summary, Notice.Sight {

  /** What it tells. */
  NoticeKind kind();

  /** When it happened. */
  Instant at();

  /** One short line, e.g. "Maintenance mode on". */
  String title();

  /** What it means for alerts. */
  String detail();

  @Override
  default String describe() {
    return kind().wireName() + " notice";
  }

  static Notice maintenanceOn(Instant at) {
    return new Maintenance(true, at);
  }

  static Notice maintenanceOff(Instant at) {
    return new Maintenance(false, at);
  }

  static Notice plannedSwitch(Instant at, String from, String to) {
    return new PlannedSwitch(at, from, to);
  }

  /** The watcher went blind ({@code why}: what it cannot see, since when). */
  static Notice blind(Instant at, String why) {
    return new Sight(true, at, why);
  }

  /** The watcher sees the log again. */
  static Notice seesAgain(Instant at, String what) {
    return new Sight(false, at, what);
  }

  /** Maintenance mode was turned on (alerts are suppressed) or off. */
  record Maintenance(boolean on, Instant at) implements Notice {
    @Override
    public NoticeKind kind() {
      return on ? NoticeKind.MAINTENANCE_ON : NoticeKind.MAINTENANCE_OFF;
    }

    @Override
    public String title() {
      return on ? "Maintenance mode on" : "Maintenance mode off";
    }

    @Override
    public String detail() {
      return on
          ? "Alerts are suppressed until maintenance mode is turned off."
          : "Alerts are on again; anything still wrong is reported from the next log lines.";
    }
  }

  /**
   * The operator moved traffic on purpose: {@code to} is now the expected pool.
   *
   * @param from the pool traffic is planned to leave
   * @param to the pool planned to serve
   */
  record PlannedSwitch(Instant at, String from, String to) implements Notice {
    @Override
    public NoticeKind kind() {
      return NoticeKind.PLANNED_SWITCH;
    }

    @Override
    public String title() {
      return "Planned switch from " + from + " to " + to;
    }

    @Override
    public String detail() {
      return "The expected pool is now " + to + ": traffic on it is not a failover.";
    }
  }

  /**
   * What one condition did while a sink could not be reached, told once it answers again: the
   * episodes that opened and closed meanwhile, one line each, oldest first ({@link Outbox}).
   *
   * @param at when the first of them began
   * @param sink the sink that was unreachable, e.g. {@code slack}
   * @param condition the episodes' condition: {@code pool}, {@code error_rate} or {@code latency}
   * @param lines one per episode, e.g. {@code failover from blue to green at 12:01:00 UTC,
   *     recovered at 12:04:00 UTC}; at most {@link #MAX_LINES}
   * @param more episodes left out after the first {@link #MAX_LINES}
   */
  record Summary(Instant at, String sink, String condition, List<String> lines, int more)
      implements Notice {
    /** The most episodes one summary lists; the rest are counted. */
    public static final int MAX_LINES = 10;

    public Summary {
      lines = List.copyOf(lines);
    }

    @Override
    public NoticeKind kind() {
      return NoticeKind.UNREACHABLE_SUMMARY;
    }

    @Override
    public String title() {
      return "While " + sink + " was unreachable";
    }

    @Override
    public String detail() {
      return String.join("; ", lines) + (more > 0 ? "; and " + more + " more" : "") + ".";
    }

    /** This summary with {@code later} episodes added after its own. */
    Summary and(List<String> later, int laterMore) {
      List<String> all = new java.util.ArrayList<>(lines);
      int extra = more + laterMore;
      for (String line : later) {
        if (all.size() < MAX_LINES) {
          all.add(line);
        } else {
          extra++;
        }
      }
      return new Summary(at, sink, condition, all, extra);
    }
  }

  /**
   * The watcher went blind (it cannot read the log, or no line fits the format), or sees again:
   * told once each way, as nobody may be watching {@code /healthz}.
   *
   * @param blind blind now, or seeing again
   * @param why what happened, e.g. {@code cannot read /var/log/nginx/access.log: permission denied,
   *     since 12:03:04Z}
   */
  record Sight(boolean blind, Instant at, String why) implements Notice {
    @Override
    public NoticeKind kind() {
      return blind ? NoticeKind.WATCHER_BLIND : NoticeKind.WATCHER_SEES;
    }

    @Override
    public String title() {
      return blind
          ? "Watcher is blind: failovers and error spikes go unreported"
          : "Watcher sees the log again";
    }

    @Override
    public String detail() {
      return blind ? "It " + why + "." : "It " + why + ": alerts are back.";
    }
  }
}
