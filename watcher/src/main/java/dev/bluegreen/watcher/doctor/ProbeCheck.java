package dev.bluegreen.watcher.doctor;

import dev.bluegreen.watcher.detect.ProbeResult;
import dev.bluegreen.watcher.probe.ProbeTarget;

/**
 * Whether each PROBE_URLS pool's health URL answers as {@code watcher run} will check it: the same
 * GET with the same timeouts, one line per pool. A pool that does not answer 2xx is a warning: the
 * watcher runs, but it would send {@code standby_down} (or the URL is wrong).
 */
public final class ProbeCheck {
  /** Check name on every line this class makes. */
  public static final String NAME = "probe";

  private ProbeCheck() {}

  /** The verdict of one check of {@code target}. */
  public static Check of(ProbeTarget target, ProbeResult result) {
    if (result.up()) {
      return Check.ok(NAME, target.pool() + " at " + target.url() + " answers 2xx");
    }
    return Check.warn(
        NAME,
        target.pool() + " at " + target.url() + " is down: " + result.error(),
        fix(target, result.error()));
  }

  private static String fix(ProbeTarget target, String error) {
    String pool = target.pool();
    if (error.startsWith("HTTP ")) {
      return "the URL answers but not 2xx: give PROBE_URLS "
          + pool
          + "'s health endpoint (an answer of 2xx when it can serve), or bring "
          + pool
          + " back (runbook.md, STANDBY DOWN)";
    }
    return "check that "
        + pool
        + " runs and that this host reaches "
        + target.url().getHost()
        + (target.url().getPort() < 0 ? "" : ":" + target.url().getPort())
        + " (the address Nginx uses for it), or correct PROBE_URLS (runbook.md, STANDBY DOWN)";
  }
}
