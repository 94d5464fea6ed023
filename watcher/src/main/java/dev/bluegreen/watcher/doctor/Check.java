package dev.bluegreen.watcher.doctor;

import java.util.List;

/**
 * One finding of {@code watcher doctor}: how it went, what was checked, what was found, and what to
 * do about it (null when nothing).
 */
public record Check(Verdict verdict, String name, String found, String fix) {

  /** How a check went; the worst of a run decides the exit status. */
  public enum Verdict {
    OK(0),
    WARN(1),
    FAIL(2);

    private final int exitStatus;

    Verdict(int exitStatus) {
      this.exitStatus = exitStatus;
    }

    /** 0 ok, 1 warn, 2 fail. */
    public int exitStatus() {
      return exitStatus;
    }
  }

  public static Check ok(String name, String found) {
    return new Check(Verdict.OK, name, found, null);
  }

  public static Check warn(String name, String found, String fix) {
    return new Check(Verdict.WARN, name, found, fix);
  }

  public static Check fail(String name, String found, String fix) {
    return new Check(Verdict.FAIL, name, found, fix);
  }

  /** The one line it is shown as: {@code ok|warn|fail name found; fix: ...}. */
  public String line() {
    String word = verdict.name().toLowerCase(java.util.Locale.ROOT);
    return String.format("%-4s  %-12s  %s", word, name, found)
        + (fix == null ? "" : "; fix: " + fix);
  }

  /** The exit status of a run: the worst verdict's, 0 if there is none. */
  public static int exitStatus(List<Check> checks) {
    return checks.stream().mapToInt(c -> c.verdict().exitStatus()).max().orElse(0);
  }
}
