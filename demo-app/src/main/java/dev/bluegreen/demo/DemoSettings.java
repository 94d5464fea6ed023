package dev.bluegreen.demo;

import java.util.Map;
import java.util.regex.Pattern;

/** The demo-app's settings, read once from the environment and validated. */
public record DemoSettings(String pool, String release, int port, String bind) {
  static final String DEFAULT_POOL = "blue";
  static final int DEFAULT_PORT = 8081;
  static final String DEFAULT_BIND = "127.0.0.1";

  // Names end up in HTTP headers and JSON: keep them to a safe, readable alphabet.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** A setting that cannot be used; the message names it and says why. */
  public static final class InvalidSetting extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidSetting(String message) {
      super(message);
    }
  }

  /** Reads APP_POOL, RELEASE_ID, PORT and APP_BIND; an empty value counts as unset. */
  public static DemoSettings fromEnv(Map<String, String> env) throws InvalidSetting {
    String pool = name(env, "APP_POOL", DEFAULT_POOL);
    // Unset, the release is named after the pool (blue-1), so the two are told apart.
    String release = name(env, "RELEASE_ID", pool + "-1");
    String bind = env.getOrDefault("APP_BIND", "").strip();
    if (bind.isEmpty()) {
      bind = DEFAULT_BIND;
    } else if (!bind.matches("[0-9.]+|[0-9a-fA-F:]+|localhost")) {
      throw new InvalidSetting("invalid APP_BIND '" + bind + "': must be an IP address");
    }
    return new DemoSettings(pool, release, port(env), bind);
  }

  private static String name(Map<String, String> env, String key, String fallback)
      throws InvalidSetting {
    String value = env.getOrDefault(key, "").strip();
    if (value.isEmpty()) {
      return fallback;
    }
    if (!NAME.matcher(value).matches()) {
      throw new InvalidSetting(
          "invalid " + key + " '" + value + "': use 1 to 64 of A-Z a-z 0-9 . _ -");
    }
    return value;
  }

  private static int port(Map<String, String> env) throws InvalidSetting {
    String value = env.getOrDefault("PORT", "").strip();
    if (value.isEmpty()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new InvalidSetting(
        "invalid PORT '" + value + "': must be a whole number from 0 to 65535");
  }
}
