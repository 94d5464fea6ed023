package dev.bluegreen.watcher.detect;

import java.util.regex.Pattern;

/**
 * The one rule for a pool's name, wherever one comes in (ACTIVE_POOL, {@code watcher ctl
 * active-pool}, the admin endpoint): letters, digits, {@code _ . -}, starting with a letter or a
 * digit, at most {@link #MAX_LENGTH} characters. Short and plain, so it is safe in a log line, a
 * Slack message, a metric label and a file name.
 */
public final class PoolName {
  /** Far above any real pool name; a 10,000-character name would be posted to Slack as is. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0," + (MAX_LENGTH - 1) + "}");

  /** For error messages: what a valid name looks like. */
  public static final String RULE =
      "must be a pool name such as blue (letters, digits, _ . -; up to " + MAX_LENGTH + ")";

  private PoolName() {}

  public static boolean isValid(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
