package dev.bluegreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker path end to end (make docker-drill): docker-compose.yml and the Dockerfiles on a
 * Docker engine, driven by scripts/sandbox.sh with RUNTIME=docker, through the same drill as the
 * local runtime, with the stand-in Slack on this machine; then down leaves nothing behind.
 */
class DockerDrillIT {
  private static final String PROJECT =
      System.getenv().getOrDefault("COMPOSE_PROJECT_NAME", "bluegreen-drill");
  private static final Pattern UID = Pattern.compile("Uid:\\s+(\\d+)");

  @TempDir Path runDir;
  private final DockerEngine engine = DockerEngine.fromEnvironment();
  private StandInSlack slack;
  private Sandbox sandbox;
  private boolean passed;

  @BeforeEach
  void start() throws Exception {
    assertThat(engine.containers(PROJECT))
        .as("containers of %s before the drill", PROJECT)
        .isEmpty();
    Map<String, String> settings = new HashMap<>(FailoverDrill.SETTINGS);
    settings.put("COMPOSE_PROJECT_NAME", PROJECT);
    sandbox = new Sandbox(runDir, "docker", Duration.ofMinutes(5), settings);
    up("make up (images built, healthchecks passed)");

    // Only now does the project's network exist, and with it the address at which the containers
    // reach this machine. The watcher takes plain http to loopback only, and loopback in a
    // container is the container: the stand-in Slack is https there, with a CA the watcher trusts.
    Path tls = Files.createDirectories(runDir.resolve("stand-in-ca"));
    slack = StandInSlack.onAddressWithTls(engine.gateway(PROJECT), tls.resolve("trust.p12"));
    Path override = runDir.resolve("stand-in-slack.yml");
    Files.writeString(
        override,
        String.join(
            "\n",
            "services:",
            "  watcher:",
            "    environment:",
            "      JAVA_TOOL_OPTIONS: -Djavax.net.ssl.trustStore=/stand-in-ca/trust.p12"
                + " -Djavax.net.ssl.trustStorePassword="
                + StandInSlack.TRUST_STORE_PASSWORD
                + " -Djavax.net.ssl.trustStoreType=PKCS12",
            "    volumes:",
            "      - " + tls + ":/stand-in-ca:ro",
            ""));
    sandbox.set("COMPOSE_FILE", Sandbox.ROOT.resolve("docker-compose.yml") + ":" + override);
    sandbox.set("SLACK_WEBHOOK_URL", slack.url());
    // A second make up with changed settings, as a user editing .env does: compose recreates the
    // watcher alone.
    up("make up again with the stand-in Slack (the watcher recreated)");
    assertThat(sandbox.run("status")).contains("serving blue").doesNotContain("not answering");
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (sandbox != null) {
        System.out.println(sandbox.run("compose", "ps"));
        if (!passed) {
          System.out.println(sandbox.run("compose", "logs", "--no-color", "--tail", "40"));
        }
        assertThat(sandbox.run("down")).contains("down: nothing listens");
        for (int port : sandbox.ports()) {
          assertThat(sandbox.listening(port)).as("port %d after down", port).isFalse();
        }
        assertThat(engine.containers(PROJECT)).as("containers after down").isEmpty();
        assertThat(engine.volumes(PROJECT)).as("volumes after down").isEmpty();
        assertThat(engine.networks(PROJECT)).as("networks after down").isEmpty();
      }
    } finally {
      if (slack != null) {
        slack.close();
      }
    }
  }

  @Test
  void the_compose_stack_passes_the_drill_and_the_watcher_reads_nginx_log_as_non_root()
      throws Exception {
    new FailoverDrill(sandbox, slack.inbox).run();
    // The drill ends with a planned switch: green is the active pool now.
    ChaosTargets.check(sandbox, "green");

    // The watcher (not root) reads the log nginx (another user, not root either) writes to the
    // volume they share.
    String watcher =
        sandbox.run(
            "compose",
            "exec",
            "-T",
            "watcher",
            "sh",
            "-c",
            "grep '^Uid:' /proc/1/status; stat -c 'owner %u' /var/log/bluegreen/access.log;"
                + " grep -q ' /app/watcher.jsa$' /proc/1/maps && echo 'maps /app/watcher.jsa'");
    String nginx = sandbox.run("compose", "exec", "-T", "nginx", "grep", "^Uid:", "/proc/1/status");
    int watcherUid = uid(watcher);
    int nginxUid = uid(nginx);
    assertThat(watcherUid).as("the watcher's uid").isNotZero();
    assertThat(nginxUid).as("nginx's uid").isNotZero();
    assertThat(watcher).as("the access log's owner").contains("owner " + nginxUid);
    assertThat(watcherUid).as("the watcher reads another user's file").isNotEqualTo(nginxUid);
    // The class-data archive the image's build made (packaging/cds-archive.sh) is the one its JVM
    // maps: made for this jar and JVM; one made for another jar the JVM drops without a word.
    assertThat(watcher).as("the watcher's memory map").contains("maps /app/watcher.jsa");
    String healthz =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + sandbox.watcherPort + "/healthz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(healthz).contains("\"log\":\"/var/log/bluegreen/access.log\"");
    Matcher lines = Pattern.compile("\"lines\":(\\d+)").matcher(healthz);
    assertThat(lines.find()).as(healthz).isTrue();
    assertThat(Long.parseLong(lines.group(1))).as("lines the watcher read").isGreaterThan(500);
    System.out.printf(
        "docker: the watcher (uid %d) read %s lines nginx (uid %d) wrote to the shared volume%n",
        watcherUid, lines.group(1), nginxUid);

    // make down keeps the session's access log: saved from the volume before --volumes removes it.
    sandbox.run("down");
    assertThat(Files.readString(runDir.resolve("logs/access.log"))).contains("request_id=");

    // A watcher that exits during start-up fails make up with its own line (it restarts under
    // compose's restart policy; before, make up waited 60 s and said "timed out").
    sandbox.set("WINDOW_SIZE", "abc");
    long begin = System.nanoTime();
    Sandbox.Result bad = sandbox.attempt("up");
    sandbox.set("WINDOW_SIZE", FailoverDrill.SETTINGS.get("WINDOW_SIZE"));
    System.out.printf(
        "docker: make up with WINDOW_SIZE=abc failed in %.1f s%n",
        (System.nanoTime() - begin) / 1e9);
    assertThat(bad.exit()).as(bad.output()).isNotZero();
    assertThat(bad.output())
        .contains("exited during start-up: watcher: invalid WINDOW_SIZE 'abc'")
        .doesNotContain("timed out");
    assertThat(engine.containers(PROJECT)).as("containers after the failed up").isEmpty();
    passed = true;
  }

  private void up(String what) throws Exception {
    long start = System.nanoTime();
    sandbox.run("up");
    System.out.printf("docker: %s in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
  }

  private static int uid(String procStatus) {
    Matcher m = UID.matcher(procStatus);
    assertThat(m.find()).as(procStatus).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
