package dev.bluegreen.watcher.parse;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The log formats Nginx itself defines, by the name nginx.conf uses: only {@code combined}. {@code
 * main} is not one: sample nginx.conf files define it, and people edit it, so only that nginx.conf
 * knows what it means; a name is refused with a line asking for the definition.
 */
final class PredefinedFormats {
  private static final Map<String, String> BY_NAME = Map.of("combined", LogFormat.COMBINED);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  private PredefinedFormats() {}

  /** Whether {@code text} is a bare name (a format always has a {@code $variable}). */
  static boolean isName(String text) {
    return NAME.matcher(text).matches();
  }

  /** The format Nginx predefines under {@code name}; throws when it predefines none. */
  static String format(String name) {
    String format = BY_NAME.get(name);
    if (format == null) {
      throw new LogFormatException(
          "'"
              + name
              + "' is not a format Nginx predefines (only combined is); give its definition"
              + " from nginx.conf instead: log_format "
              + name
              + " '...';");
    }
    return format;
  }
}
