package dev.bluegreen.watcher.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.doctor.Check.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser on what the real {@code nginx -T -c FILE} prints: every file after a {@code #
 * configuration file PATH:} header, includes not expanded. Nothing listens: -T only tests.
 */
class RealNginxTest {
  @TempDir Path dir;

  /** The real nginx; its absence fails the test, as the monitoring tools' does: never a skip. */
  private static String nginx() {
    String nginx = NginxConfs.nginx();
    if (nginx == null) {
      throw new AssertionError(
          "nginx is not installed (this test never skips); install it with:"
              + " sudo apt-get install -y nginx-light");
    }
    return nginx;
  }

  @Test
  void theSandboxAsNginxShowsItIsWhatTheDiskSays() throws Exception {
    Path conf = NginxConfs.sandbox(dir);

    ConfLoader.Loaded loaded = ConfLoader.load(nginx(), conf.toString(), "/nonexistent");

    assertThat(loaded.check().verdict()).as(loaded.check().line()).isEqualTo(Verdict.OK);
    assertThat(loaded.check().found())
        .startsWith("read by " + nginx() + " -T -c " + conf + ": 2 files");
    assertThat(loaded.logs()).isEqualTo(ConfLoader.fromDisk(conf.toString()));
  }

  @Test
  void combinedAndJsonAsNginxShowsThem() throws Exception {
    Path conf = NginxConfs.combinedAndJson(dir);

    ConfLoader.Loaded loaded = ConfLoader.load(nginx(), conf.toString(), "/nonexistent");

    assertThat(loaded.check().verdict()).as(loaded.check().line()).isEqualTo(Verdict.OK);
    assertThat(loaded.logs()).isEqualTo(ConfLoader.fromDisk(conf.toString()));
    assertThat(loaded.logs().logs()).hasSize(4);
  }

  @Test
  void aSavedDumpReadsAsTheConfigurationItShows() throws Exception {
    Path conf = NginxConfs.sandbox(dir);
    Host.Output output = Host.exec(List.of(nginx(), "-T", "-c", conf.toString()), 20);
    assertThat(output.out()).startsWith("# configuration file " + conf + ":");
    Path saved = dir.resolve("nginx-T.txt");
    Files.writeString(saved, output.out(), StandardCharsets.UTF_8);
    Files.delete(dir.resolve("nginx.conf")); // the dump alone is enough

    assertThat(ConfLoader.fromDisk(saved.toString()).formats().get("bluegreen").text())
        .isEqualTo(dev.bluegreen.watcher.parse.LogFormat.SANDBOX);
  }

  @Test
  void whenNginxRefusesTheConfigurationItsReasonIsShownAndTheDiskIsRead() throws Exception {
    Path conf =
        NginxConfs.write(dir.resolve("nginx.conf"), "events {}", "http { bogus_directive on; }");

    ConfLoader.Loaded loaded = ConfLoader.load(nginx(), conf.toString(), "/nonexistent");

    assertThat(loaded.check().line())
        .startsWith("ok    nginx-conf    read " + conf + " from disk (")
        .contains("[emerg] unknown directive \"bogus_directive\"");
  }
}
