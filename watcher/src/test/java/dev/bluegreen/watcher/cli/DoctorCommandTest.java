package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.notify.LogCapture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watcher doctor} in-process on real nginx configs read from the disk ({@code --nginx none}:
 * RealNginxTest runs nginx itself), a real log and state dir, and a webhook on 127.0.0.1.
 */
class DoctorCommandTest {
  @TempDir Path dir;

  @RegisterExtension final LogCapture logs = new LogCapture();

  private MockWebServer server;

  /** The user running the test: the service user the log and state checks are about. */
  private static final String ME = System.getProperty("user.name");

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Path sandbox() throws Exception {
    Path conf = dev.bluegreen.watcher.doctor.NginxConfsAccess.sandbox(dir);
    Files.writeString(dir.resolve("access.log"), "", StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("state"));
    return conf;
  }

  private Cli.Result doctor(Map<String, String> env, String... args) {
    List<String> all =
        new ArrayList<>(List.of("doctor", "--nginx", "none", "--service-user", ME, "--no-send"));
    all.addAll(List.of(args));
    return Cli.run(env, all.toArray(String[]::new));
  }

  @Test
  void theSandboxWithAWebhookThatAnswersIsAllOk() throws Exception {
    Path conf = sandbox();
    server.enqueue(new MockResponse.Builder().code(405).build());

    Cli.Result result =
        doctor(
            Map.of("ALERT_WEBHOOK_URL", server.url("/hook").toString()),
            "--nginx-conf",
            conf.toString(),
            "--log",
            dir.resolve("access.log").toString(),
            "--state-file",
            dir.resolve("state/state.json").toString());

    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.outLines())
        .allMatch(line -> line.startsWith("ok ") || line.startsWith("doctor: "));
    assertThat(result.out())
        .contains("ok    log-format    " + dir + "/access.log (format bluegreen")
        .contains("ok    alerts        webhook at http://localhost:" + server.getPort() + "/***")
        .contains("answers (HTTP 405 to a GET; nothing posted)")
        .contains("doctor: 8 checks, 0 warnings, 0 failures");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
  }

  @Test
  void combinedIsAWarningThatNamesWhatToAdd() throws Exception {
    Path conf = dev.bluegreen.watcher.doctor.NginxConfsAccess.combinedAndJson(dir);
    Files.writeString(dir.resolve("access.log"), "", StandardCharsets.UTF_8);

    Cli.Result result =
        doctor(Map.of(), "--nginx-conf", conf.toString(), "--log", dir + "/access.log");

    assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
    assertThat(result.out())
        .contains(
            "warn  log-format    "
                + dir
                + "/access.log (format combined, "
                + conf
                + ":23): no $upstream_http_x_app_pool (failovers cannot be seen)")
        .contains("access_log " + dir + "/access.log watched;")
        .contains("warn  state         STATE_FILE is unset")
        .contains("warn  alerts        no sink is configured");
  }

  @Test
  void aWrongNginxLogFormatAndADeadWebhookAreFailuresAndTheSecretStaysHidden() throws Exception {
    Path conf = sandbox();
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = socket.getLocalPort();
    }
    String secret = "http://127.0.0.1:" + closed + "/hooks/SECRETtoken123";

    Cli.Result result =
        doctor(
            Map.of("ALERT_WEBHOOK_URL", secret, "NGINX_LOG_FORMAT", "combined"),
            "--nginx-conf",
            conf.toString(),
            "--log",
            dir + "/access.log",
            "--state-file",
            dir + "/state/state.json");

    assertThat(result.exitCode()).as(result.out()).isEqualTo(2);
    assertThat(result.out())
        .contains("fail  format-set    NGINX_LOG_FORMAT is not log_format bluegreen")
        .contains(
            "fail  alerts        webhook at http://127.0.0.1:" + closed + "/*** does not answer");
    assertThat(result.out() + result.err() + logs.text()).doesNotContain("SECRET");
  }

  @Test
  void aTestAlertIsPostedUnlessNoSend() throws Exception {
    Path conf = sandbox();
    server.enqueue(new MockResponse.Builder().code(200).build());

    Cli.Result result =
        Cli.run(
            Map.of("ALERT_WEBHOOK_URL", server.url("/hook").toString()),
            "doctor",
            "--nginx",
            "none",
            "--service-user",
            ME,
            "--nginx-conf",
            conf.toString(),
            "--log",
            dir + "/access.log",
            "--state-file",
            dir + "/state/state.json");

    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out()).contains("ok    alerts        webhook accepted a test alert");
    assertThat(server.takeRequest().getBody().utf8()).contains("\"kind\":\"failover\"");
  }

  @Test
  void aLogPathNginxDoesNotWriteIsAFailure() throws Exception {
    Path conf = sandbox();

    Cli.Result result =
        doctor(Map.of(), "--nginx-conf", conf.toString(), "--log", dir + "/other.log");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out())
        .contains(
            "fail  log-path      LOG_PATH "
                + dir
                + "/other.log is not an access log this nginx.conf writes (it writes "
                + dir
                + "/access.log); fix: set LOG_PATH to the log to watch");
  }

  @Test
  void aBadSettingIsAFailureLineNamingIt() {
    Cli.Result result = doctor(Map.of("WINDOW_SIZE", "abc"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.outLines().get(0))
        .startsWith("fail  settings      invalid WINDOW_SIZE 'abc' (set in the environment)");
  }

  @Test
  void eachProbeUrlIsCheckedWithAFixWhenItDoesNotAnswer2xx() throws Exception {
    Path conf = sandbox();
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    int closed;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      closed = free.getLocalPort();
    }
    String blue = server.url("/blue/healthz").toString();
    String green = server.url("/green/healthz").toString();
    String red = "http://127.0.0.1:" + closed + "/healthz";

    Cli.Result result =
        doctor(
            Map.of("PROBE_URLS", "blue=" + blue + ",green=" + green + ",red=" + red),
            "--nginx-conf",
            conf.toString(),
            "--log",
            dir.resolve("access.log").toString(),
            "--state-file",
            dir.resolve("state/state.json").toString());

    assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
    assertThat(result.outLines())
        .contains(
            "ok    probe         blue at " + blue + " answers 2xx",
            "warn  probe         green at "
                + green
                + " is down: HTTP 503; fix: the URL answers but not 2xx: give PROBE_URLS green's"
                + " health endpoint (an answer of 2xx when it can serve), or bring green back"
                + " (runbook.md, STANDBY DOWN)",
            "warn  probe         red at "
                + red
                + " is down: connect refused; fix: check that red runs and that this host reaches"
                + " 127.0.0.1:"
                + closed
                + " (the address Nginx uses for it), or correct PROBE_URLS (runbook.md, STANDBY"
                + " DOWN)");
    assertThat(result.out()).doesNotContain("PROBE_URLS is unset");
  }
}
