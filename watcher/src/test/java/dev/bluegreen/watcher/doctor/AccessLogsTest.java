package dev.bluegreen.watcher.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bluegreen.watcher.doctor.AccessLogs.LogUse;
import dev.bluegreen.watcher.parse.LogFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx.conf read from the disk: which logs Nginx writes, in which format, as Nginx applies them.
 */
class AccessLogsTest {
  @TempDir Path dir;

  private AccessLogs read(Path conf) throws Exception {
    return ConfLoader.fromDisk(conf.toString());
  }

  @Test
  void theSandboxWritesOneLogInItsFormatFromTheIncludedFile() throws Exception {
    Path conf = NginxConfs.sandbox(dir);

    AccessLogs logs = read(conf);

    assertThat(logs.logs())
        .extracting(LogUse::path, LogUse::format, LogUse::condition)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(dir + "/access.log", "bluegreen", null));
    assertThat(logs.logs().get(0).where()).startsWith(conf + ":");
    assertThat(logs.formats().get("bluegreen").text()).isEqualTo(LogFormat.SANDBOX);
    assertThat(logs.formats().get("bluegreen").where()).contains("nginx/access-log-format.conf:");
    assertThat(logs.formatAt(dir + "/access.log")).isPresent();
  }

  @Test
  void combinedIsInheritedJsonIsDefinedOffIsLeftOutAndConditionsAreKept() throws Exception {
    AccessLogs logs = read(NginxConfs.combinedAndJson(dir));

    assertThat(logs.logs())
        .extracting(LogUse::path, LogUse::format, LogUse::condition)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(dir + "/access.log", "combined", null),
            org.assertj.core.groups.Tuple.tuple(dir + "/api.json", "api_json", null),
            org.assertj.core.groups.Tuple.tuple(dir + "/api-errors.json", "api_json", "$loggable"),
            org.assertj.core.groups.Tuple.tuple(dir + "/static-${host}.log", "combined", null));
    AccessLogs.FormatDef json = logs.formats().get("api_json");
    assertThat(json.json()).isTrue();
    assertThat(json.text()).startsWith("{\"time\":\"$time_iso8601\",").endsWith("\"}");
    assertThat(LogFormat.compile(json.directive()).text()).isEqualTo(json.text());
  }

  @Test
  void withNoAccessLogNginxWritesItsDefaultInCombined() throws Exception {
    Path conf =
        NginxConfs.write(dir.resolve("nginx.conf"), "events {}", "http { server { listen 80; } }");

    assertThat(read(conf).logs())
        .containsExactly(
            new LogUse(
                AccessLogs.DEFAULT_PATH, "combined", null, "Nginx's default (no access_log)"));
  }

  @Test
  void offStopsLoggingUntilANestedBlockLogsAgain() throws Exception {
    Path conf =
        NginxConfs.write(
            dir.resolve("nginx.conf"),
            "http {",
            "  access_log off;",
            "  server { listen 80; location / { } }",
            "  server { listen 81; location /a { access_log /x/a.log; } }",
            "}");

    assertThat(read(conf).logs()).extracting(LogUse::path).containsExactly("/x/a.log");
  }

  @Test
  void includesAreReadRelativeToTheMainFileAndGlobsInNameOrder() throws Exception {
    NginxConfs.write(dir.resolve("conf.d/b.conf"), "server { access_log /x/b.log main; }");
    NginxConfs.write(dir.resolve("conf.d/a.conf"), "server { access_log /x/a.log; }");
    NginxConfs.write(dir.resolve("formats.conf"), "log_format main '$status $msec';");
    Path conf =
        NginxConfs.write(
            dir.resolve("nginx.conf"),
            "http {",
            "  include formats.conf;",
            "  include conf.d/*.conf;",
            "}");

    AccessLogs logs = read(conf);

    assertThat(logs.logs()).extracting(LogUse::path).containsExactly("/x/a.log", "/x/b.log");
    assertThat(logs.formats().get("main").where()).isEqualTo(dir.resolve("formats.conf") + ":1");
  }

  @Test
  void aMissingIncludeIsNamedWithItsLine() throws Exception {
    Path conf =
        NginxConfs.write(dir.resolve("nginx.conf"), "http {", "  include nowhere.conf;", "}");

    assertThatThrownBy(() -> read(conf))
        .isInstanceOf(ConfException.class)
        .hasMessage(conf + ":2: include " + dir + "/nowhere.conf: no such file");
  }

  @Test
  void anUnclosedBlockIsNamedWithItsLine() throws Exception {
    Path conf = NginxConfs.write(dir.resolve("nginx.conf"), "http {", "  server {", "}");

    assertThatThrownBy(() -> read(conf))
        .isInstanceOf(ConfException.class)
        .hasMessage(conf + ":1: block never closed");
  }
}
