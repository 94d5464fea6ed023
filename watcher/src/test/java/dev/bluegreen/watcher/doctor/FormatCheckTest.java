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

/** What a format lacks, named with the text to add in the format's own style. */
class FormatCheckTest {
  private static final LogUse LOG = new LogUse("/var/log/nginx/access.log", "f", null, "n.conf:9");

  private static Check check(FormatDef def) {
    Map<String, FormatDef> formats = new LinkedHashMap<>();
    formats.put(def.name(), def);
    return FormatCheck.of(
        new LogUse(LOG.path(), def.name(), null, LOG.where()), new AccessLogs(formats, List.of()));
  }

  @Test
  void theSandboxFormatHasEverything() {
    Check check = check(new FormatDef("f", LogFormat.SANDBOX, false, "n.conf:3"));

    assertThat(check.verdict()).isEqualTo(Verdict.OK);
    assertThat(check.found()).endsWith("has everything the watcher reads");
  }

  @Test
  void combinedIsAWarningWithAFormatToDefineAndTheAccessLogToWrite() {
    Check check = check(new FormatDef("combined", LogFormat.COMBINED, false, "predefined"));

    assertThat(check.verdict()).isEqualTo(Verdict.WARN);
    assertThat(check.found())
        .contains("no $upstream_http_x_app_pool (failovers cannot be seen)")
        .contains("no $upstream_status")
        .contains("no $request_time")
        .doesNotContain("$status (")
        .doesNotContain("$time_iso8601");
    assertThat(check.fix())
        .contains(
            "log_format watched '"
                + LogFormat.COMBINED
                + " pool=$upstream_http_x_app_pool upstream_status=$upstream_status"
                + " request_time=$request_time'")
        .contains("access_log /var/log/nginx/access.log watched;");
    // the suggested format is one the watcher reads
    LogFormat suggested =
        LogFormat.compile(check.fix().replaceAll(".*log_format (watched '[^']*').*", "$1"));
    assertThat(suggested.hasPool()).isTrue();
  }

  @Test
  void aJsonFormatGetsJsonToAddInsideItsBraces() {
    Check check =
        check(new FormatDef("api", "{\"status\":\"$status\",\"t\":\"$msec\"}", true, "n.conf:4"));

    assertThat(check.verdict()).isEqualTo(Verdict.WARN);
    assertThat(check.fix())
        .isEqualTo(
            "add '\"pool\":\"$upstream_http_x_app_pool\",\"upstream_status\":\"$upstream_status\","
                + "\"request_time\":\"$request_time\",' to log_format api at n.conf:4 (inside the"
                + " braces)");
  }

  @Test
  void noStatusIsAFailure() {
    Check check =
        check(new FormatDef("f", "$remote_addr [$time_local] $request_time", false, "n.conf:4"));

    assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check.found()).contains("no $status (errors cannot be counted)");
    assertThat(check.fix()).startsWith("add ' status=$status pool=$upstream_http_x_app_pool");
  }

  @Test
  void aFormatTheWatcherCannotSplitIsAFailureWithTheReason() {
    Check check =
        check(
            new FormatDef(
                "f",
                "$status$upstream_http_x_app_pool $upstream_status $request_time $msec",
                false,
                "n.conf:4"));

    assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check.found()).contains("$status is followed directly by another variable");
  }

  @Test
  void anUndefinedFormatIsAFailure() {
    Check check =
        FormatCheck.of(
            new LogUse("/x.log", "main", null, "n.conf:9"), new AccessLogs(Map.of(), List.of()));

    assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(check.found()).contains("no log_format main is defined");
  }
}
