package dev.bluegreen.watcher.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.parse.LogFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which format watcher run reads when NGINX_LOG_FORMAT is unset, and the line that says so. */
class FormatChoiceTest {
  @TempDir Path dir;

  @Test
  void theFormatNginxWritesLogPathInFromTheSandboxConfig() throws Exception {
    Path conf = NginxConfs.sandbox(dir);

    FormatChoice choice = FormatChoice.find(false, conf, dir.resolve("access.log"));

    assertThat(LogFormat.compile(choice.directive()).text()).isEqualTo(LogFormat.SANDBOX);
    assertThat(choice.why())
        .startsWith("log format: log_format bluegreen (")
        .contains("the access_log at " + conf + ":")
        .endsWith("(NGINX_LOG_FORMAT is unset; 'watcher doctor' checks it)");
  }

  @Test
  void combinedWhenThatIsWhatNginxWrites() throws Exception {
    Path conf = NginxConfs.combinedAndJson(dir);

    FormatChoice choice = FormatChoice.find(false, conf, dir.resolve("access.log"));

    assertThat(LogFormat.compile(choice.directive()).text()).isEqualTo(LogFormat.COMBINED);
  }

  @Test
  void theSandboxsWhenNginxWritesNoSuchLogOrHasNoConfig() throws Exception {
    Path conf = NginxConfs.combinedAndJson(dir);

    FormatChoice other = FormatChoice.find(false, conf, Path.of("/elsewhere.log"));
    FormatChoice none = FormatChoice.find(false, dir.resolve("none.conf"), Path.of("/a.log"));

    assertThat(other.directive()).isNull();
    assertThat(other.why())
        .isEqualTo(
            "log format: the sandbox's (NGINX_LOG_FORMAT is unset and "
                + conf
                + " writes no access_log /elsewhere.log)");
    assertThat(none.directive()).isNull();
    assertThat(none.why()).contains(dir.resolve("none.conf") + " was not read (no such file)");
  }

  @Test
  void aSetNginxLogFormatWins() {
    FormatChoice choice = FormatChoice.find(true, Path.of("/unread.conf"), Path.of("/a.log"));

    assertThat(choice.directive()).isNull();
    assertThat(choice.why()).isEqualTo("log format: NGINX_LOG_FORMAT");
  }
}
