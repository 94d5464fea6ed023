package dev.bluegreen.watcher;

/**
 * A setting's default as the environment would spell it, or empty when it is computed (then unset
 * is the way to ask for it), and words that explain it: the default column of {@link Setting}.
 */
public record SettingDefault(String value, String note) {
  static SettingDefault of(Object value) {
    return new SettingDefault(plain(value), "");
  }

  static SettingDefault of(Object value, String note) {
    return new SettingDefault(plain(value), note);
  }

  static SettingDefault unset(String note) {
    return new SettingDefault("", note);
  }

  /** How help shows it: the value, the words, or both. */
  public String shown() {
    return value.isEmpty() ? note : note.isEmpty() ? value : value + " " + note;
  }

  private static String plain(Object value) {
    return value instanceof Double d ? Settings.plain(d) : value.toString();
  }
}
