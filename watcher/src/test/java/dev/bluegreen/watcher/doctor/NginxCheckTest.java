package dev.bluegreen.watcher.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.doctor.AccessLogs.FormatDef;
import dev.bluegreen.watcher.doctor.AccessLogs.LogUse;
import dev.bluegreen.watcher.doctor.Check.Verdict;
import dev.bluegreen.watcher.parse.LogFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** nginx.conf's logs against LOG_PATH and NGINX_LOG_FORMAT. */
class NginxCheckTest {
  private static final String SANDBOX = "/var/log/nginx/access.log";

  private static AccessLogs logs(LogUse... uses) {
    Map<String, FormatDef> formats = new LinkedHashMap<>();
    formats.put("combined", new FormatDef("combined", LogFormat.COMBINED, false, "predefined"));
    formats.put("bluegreen", new FormatDef("bluegreen", LogFormat.SANDBOX, false, "f.conf:5"));
    return new AccessLogs(formats, List.of(uses));
  }

  private static Check named(List<Check> checks, String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theWatchedLogInTheSandboxFormatIsAllOk() {
    List<Check> checks =
        NginxCheck.of(logs(new LogUse(SANDBOX, "bluegreen", null, "n.conf:16")), SANDBOX, null);

    assertThat(checks).extracting(Check::verdict).containsOnly(Verdict.OK);
    assertThat(named(checks, "format-set").found())
        .isEqualTo(
            "NGINX_LOG_FORMAT is unset: watcher run takes log_format bluegreen from nginx.conf"
                + " (NGINX_CONF)");
  }

  @Test
  void aLogPathNginxDoesNotWriteFailsAndNamesTheLogsItDoes() {
    List<Check> checks =
        NginxCheck.of(
            logs(new LogUse(SANDBOX, "bluegreen", null, "n.conf:16")), "/var/log/other.log", null);

    Check path = named(checks, "log-path");
    assertThat(path.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(path.found())
        .isEqualTo(
            "LOG_PATH /var/log/other.log is not an access log this nginx.conf writes (it writes "
                + SANDBOX
                + ")");
    assertThat(path.fix()).isEqualTo("set LOG_PATH to the log to watch");
  }

  @Test
  void aNginxLogFormatOtherThanTheLogsFailsWithTheOneToSet() {
    List<Check> checks =
        NginxCheck.of(
            logs(new LogUse(SANDBOX, "bluegreen", null, "n.conf:16")), SANDBOX, "combined");

    Check set = named(checks, "format-set");
    assertThat(set.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(set.found()).contains("NGINX_LOG_FORMAT is not log_format bluegreen (f.conf:5)");
    assertThat(set.fix()).contains("set it to bluegreen '" + LogFormat.SANDBOX + "'");
  }

  @Test
  void theSameFormatGivenInNginxLogFormatIsOk() {
    List<Check> checks =
        NginxCheck.of(
            logs(new LogUse(SANDBOX, "bluegreen", null, "n.conf:16")),
            SANDBOX,
            "log_format x '" + LogFormat.SANDBOX + "';");

    assertThat(named(checks, "format-set").verdict()).isEqualTo(Verdict.OK);
  }

  @Test
  void oneFileInTwoFormatsFails() {
    List<Check> checks =
        NginxCheck.of(
            logs(
                new LogUse(SANDBOX, "bluegreen", null, "n.conf:16"),
                new LogUse(SANDBOX, "combined", null, "n.conf:30")),
            SANDBOX,
            null);

    assertThat(named(checks, "log-path").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(named(checks, "log-path").found()).contains("written in 2 formats");
  }

  @Test
  void aConditionOnTheWatchedLogAndAVariablePathAreWarnings() {
    List<Check> checks =
        NginxCheck.of(
            logs(
                new LogUse(SANDBOX, "bluegreen", "$loggable", "n.conf:16"),
                new LogUse("/var/log/nginx/$host.log", "bluegreen", null, "n.conf:20")),
            SANDBOX,
            null);

    assertThat(checks.get(0).verdict()).isEqualTo(Verdict.WARN);
    assertThat(checks.get(0).found()).contains("written only when $loggable is set and not 0");
    assertThat(checks.get(1).verdict()).isEqualTo(Verdict.WARN);
    assertThat(checks.get(1).found()).contains("the path holds variables");
  }
}
