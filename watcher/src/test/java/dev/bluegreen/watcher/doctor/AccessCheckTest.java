package dev.bluegreen.watcher.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.doctor.Check.Verdict;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who can read the log and write the state, worked out for the service user when run as root. */
class AccessCheckTest {
  private static final String USER = AccessCheck.SERVICE_USER;

  private static PathFacts file(String path, String mode, String owner, String group) {
    return new PathFacts(
        path, true, true, false, owner, group, PosixFilePermissions.fromString(mode));
  }

  private static PathFacts dir(String path, String mode, String owner, String group) {
    return new PathFacts(
        path, true, false, true, owner, group, PosixFilePermissions.fromString(mode));
  }

  private static final List<PathFacts> DIRS =
      List.of(
          dir("/", "rwxr-xr-x", "root", "root"),
          dir("/var", "rwxr-xr-x", "root", "root"),
          dir("/var/log", "rwxr-xr-x", "root", "root"),
          dir("/var/log/nginx", "rwxr-x---", "www-data", "adm"));

  @ParameterizedTest(name = "{0} {1}:{2}, groups {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rw-r----- | www-data | adm      | bluegreen-watch adm | OK",
        "rw-r----- | www-data | adm      | bluegreen-watch     | FAIL",
        "rw------- | www-data | adm      | bluegreen-watch adm | FAIL",
        "rw-r--r-- | www-data | www-data | bluegreen-watch adm | OK",
        "r-------- | bluegreen-watch | root | bluegreen-watch | FAIL",
      })
  void asRootTheLogIsJudgedForTheServiceUser(
      String mode, String owner, String group, String groups, Verdict verdict) {
    Set<String> member = Set.of(groups.split(" "));
    AccessCheck check = new AccessCheck("root", USER, Optional.of(member));

    Check result = check.log(file("/var/log/nginx/access.log", mode, owner, group), DIRS, true);

    assertThat(result.verdict()).as(result.line()).isEqualTo(verdict);
    assertThat(result.found()).contains("service user bluegreen-watch");
  }

  @Test
  void anOwnerWithoutReadIsRefusedEvenWhenOthersMayRead() {
    // Unix takes the owner's bits for the owner, whatever the others' say
    AccessCheck check = new AccessCheck("root", USER, Optional.of(Set.of(USER)));

    Check result = check.log(file("/l.log", "-w----r--", USER, "root"), List.of(), true);

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void aDirectoryTheServiceCannotEnterIsNamed() {
    AccessCheck check = new AccessCheck("root", USER, Optional.of(Set.of(USER)));

    Check result =
        check.log(file("/var/log/nginx/access.log", "rw-r--r--", "www-data", "adm"), DIRS, true);

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(result.found()).contains("cannot enter /var/log/nginx (rwxr-x--- www-data:adm)");
    assertThat(result.fix()).contains("add bluegreen-watch to group adm");
  }

  @Test
  void missingGroupMembershipNamesTheCommandThatAddsIt() {
    AccessCheck check = new AccessCheck("root", USER, Optional.of(Set.of(USER)));

    Check result =
        check.log(
            file("/srv/access.log", "rw-r-----", "www-data", "adm"), DIRS.subList(0, 1), true);

    assertThat(result.fix()).startsWith("usermod -aG adm bluegreen-watch");
  }

  @Test
  void asAnotherUserTheSystemsAnswerCountsAndTheServiceUserIsNamed() {
    AccessCheck check = new AccessCheck("alice", USER, Optional.empty());
    PathFacts log = file("/l.log", "rw-r-----", "www-data", "adm");

    assertThat(check.log(log, List.of(), true).line())
        .isEqualTo(
            "ok    log-access    /l.log is readable by alice (the service runs as bluegreen-watch:"
                + " sudo -u bluegreen-watch watcher doctor)");
    Check refused = check.log(log, List.of(), false);
    assertThat(refused.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(refused.fix()).isEqualTo("usermod -aG adm alice");
  }

  @Test
  void aLogItsGroupCannotReadNeedsGroupReadFirst() {
    AccessCheck check = new AccessCheck("root", USER, Optional.of(Set.of(USER, "adm")));

    Check result = check.log(file("/srv/access.log", "rw-------", "root", "adm"), List.of(), true);

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(result.fix())
        .isEqualTo(
            "chmod g+r /srv/access.log (and have logrotate create it 0640, group adm), then"
                + " usermod -aG adm bluegreen-watch and restart the service");
  }

  @Test
  void aMissingLogIsAWarningTheWatcherWaitsForIt() {
    AccessCheck check = new AccessCheck(USER, USER, Optional.of(Set.of(USER)));

    Check result = check.log(PathFacts.missing("/l.log"), List.of(), false);

    assertThat(result.verdict()).isEqualTo(Verdict.WARN);
  }

  @Test
  void theStateDirectoryMustBeWritableByTheServiceUser() {
    AccessCheck check = new AccessCheck("root", USER, Optional.of(Set.of(USER)));
    PathFacts mine = dir("/var/lib/bluegreen-watch", "rwxr-x---", USER, USER);
    PathFacts roots = dir("/var/lib/bluegreen-watch", "rwxr-x---", "root", USER);
    PathFacts none = PathFacts.missing("/var/lib/bluegreen-watch/state.json");

    assertThat(check.state("/var/lib/bluegreen-watch/state.json", mine, none, true).verdict())
        .isEqualTo(Verdict.OK);
    Check refused = check.state("/var/lib/bluegreen-watch/state.json", roots, none, true);
    assertThat(refused.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(refused.fix()).isEqualTo("chown bluegreen-watch /var/lib/bluegreen-watch");
    assertThat(check.state(null, null, null, false).verdict()).isEqualTo(Verdict.WARN);
    assertThat(
            check
                .state("/nowhere/state.json", PathFacts.missing("/nowhere"), none, false)
                .verdict())
        .isEqualTo(Verdict.FAIL);
  }
}
