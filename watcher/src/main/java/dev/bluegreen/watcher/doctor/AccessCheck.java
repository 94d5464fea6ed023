package dev.bluegreen.watcher.doctor;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the service user can read the access log and write the state file's directory. Run as
 * that user (or any user but root) the answer is the system's own ({@code readable}/{@code
 * writable}, ACLs included); run as root, who may do anything, it is worked out from the mode bits
 * for the service user and its groups, since that is who runs the watcher.
 *
 * @param user who runs the doctor
 * @param serviceUser who runs the service ({@code bluegreen-watch})
 * @param serviceGroups the service user's groups, empty when there is no such user here
 */
public record AccessCheck(String user, String serviceUser, Optional<Set<String>> serviceGroups) {

  /** The user the packaged service runs as. */
  public static final String SERVICE_USER = "bluegreen-watch";

  /**
   * The log check.
   *
   * @param log the log file
   * @param dirs its directories, from the root down
   * @param readable whether the system lets the current user read it
   */
  public Check log(PathFacts log, List<PathFacts> dirs, boolean readable) {
    String name = "log-access";
    if (!log.exists()) {
      return Check.warn(
          name,
          log.path() + " is not there (yet)",
          "the watcher waits for it; if Nginx should have written it by now, check LOG_PATH");
    }
    if (!log.regular()) {
      return Check.fail(name, log.path() + " is not a regular file", "point LOG_PATH at the file");
    }
    if (!user.equals("root")) {
      String as = user.equals(serviceUser) ? user : user + note();
      return readable
          ? Check.ok(name, log.path() + " is readable by " + as)
          : Check.fail(
              name,
              log.path() + " (" + log.describe() + ") is not readable by " + as,
              readFix(log, user, false));
    }
    if (serviceGroups.isEmpty()) {
      return Check.warn(
          name,
          "run as root, and there is no user " + serviceUser + " here to check for",
          "install the package, or run the doctor as the user that runs the watcher");
    }
    Set<String> groups = serviceGroups.get();
    for (PathFacts dir : dirs) {
      if (!dir.allows(serviceUser, groups, 'x')) {
        return Check.fail(
            name,
            "the service user "
                + serviceUser
                + " cannot enter "
                + dir.path()
                + " ("
                + dir.describe()
                + ")",
            "chmod o+x " + dir.path() + ", or add " + serviceUser + " to group " + dir.group());
      }
    }
    if (!log.allows(serviceUser, groups, 'r')) {
      return Check.fail(
          name,
          log.path()
              + " ("
              + log.describe()
              + ") is not readable by the service user "
              + serviceUser
              + " (groups "
              + String.join(",", groups.stream().sorted().toList())
              + ")",
          readFix(log, serviceUser, true));
    }
    return Check.ok(
        name,
        log.path()
            + " ("
            + log.describe()
            + ") is readable by the service user "
            + serviceUser
            + " (checked as root, by its groups "
            + String.join(",", groups.stream().sorted().toList())
            + ")");
  }

  /**
   * The state check.
   *
   * @param stateFile the state file, or null when STATE_FILE is unset
   * @param dir its directory
   * @param writable whether the system lets the current user create files in {@code dir} (and write
   *     the state file if there is one)
   */
  public Check state(String stateFile, PathFacts dir, PathFacts file, boolean writable) {
    String name = "state";
    if (stateFile == null) {
      return Check.warn(
          name,
          "STATE_FILE is unset: a restart starts at the log's end, and the lines of the gap are never read",
          "set STATE_FILE (the packaged service sets /var/lib/bluegreen-watch/state.json)");
    }
    if (!dir.exists() || !dir.directory()) {
      return Check.fail(
          name,
          dir.path() + ", the directory of STATE_FILE, does not exist",
          "install -d -m 0750 -o " + serviceUser + " " + dir.path());
    }
    boolean ok;
    String as;
    if (user.equals("root") && serviceGroups.isPresent()) {
      Set<String> groups = serviceGroups.get();
      ok =
          dir.allows(serviceUser, groups, 'w')
              && dir.allows(serviceUser, groups, 'x')
              && (!file.exists() || file.allows(serviceUser, groups, 'w'));
      as = "the service user " + serviceUser + " (checked as root, by its groups)";
    } else {
      ok = writable;
      as = user.equals(serviceUser) || user.equals("root") ? user : user + note();
    }
    return ok
        ? Check.ok(name, stateFile + ": " + dir.path() + " is writable by " + as)
        : Check.fail(
            name,
            stateFile + ": " + dir.path() + " (" + dir.describe() + ") is not writable by " + as,
            "chown " + serviceUser + " " + dir.path() + (file.exists() ? " " + file.path() : ""));
  }

  /**
   * How {@code who} gets to read {@code log}: join its group, after letting the group read it if it
   * may not; Debian's logrotate makes each new log 0640 www-data:adm, so adm is the usual one.
   */
  private static String readFix(PathFacts log, String who, boolean service) {
    String join = "usermod -aG " + log.group() + " " + who;
    String groupRead =
        log.mode().contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
            ? ""
            : "chmod g+r " + log.path() + " (and have logrotate create it 0640, group adm), then ";
    return groupRead + join + (service ? " and restart the service" : "");
  }

  private String note() {
    return " (the service runs as " + serviceUser + ": sudo -u " + serviceUser + " watcher doctor)";
  }
}
