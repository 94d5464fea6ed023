package dev.bluegreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's drill targets as a learner runs them: slow, outage and chaos-stop show what clients
 * got; a failure says its cause in one line, exits non-zero and leaves nothing running.
 */
class SandboxDrillsIT {
  @TempDir Path runDir;
  private Sandbox sandbox;

  @AfterEach
  void leaveNothingRunning() throws Exception {
    if (sandbox != null && Files.exists(runDir.resolve("runtime"))) {
      sandbox.run("down");
    }
  }

  @Test
  void chaos_switch_and_chaos_stop_with_the_sandbox_down_say_run_make_up_and_start_nothing()
      throws Exception {
    sandbox = new Sandbox(runDir, Map.of());

    for (String[] command :
        new String[][] {{"chaos", "error"}, {"chaos", "slow"}, {"switch"}, {"chaos-stop"}}) {
      Sandbox.Result r = sandbox.attempt(command);

      assertThat(r.exit()).as("exit of %s", String.join(" ", command)).isNotZero();
      assertThat(r.output().strip()).isEqualTo("sandbox: the sandbox is not up: run make up");
    }
    assertNothingListens();
    assertThat(runDir.resolve("runtime")).doesNotExist();
  }

  @Test
  void docker_without_an_engine_is_one_line_naming_runtime_local_and_writes_nothing()
      throws Exception {
    sandbox =
        new Sandbox(
            runDir,
            "docker",
            java.time.Duration.ofSeconds(30),
            Map.of("DOCKER_HOST", "unix://" + runDir.resolve("no-engine.sock")));

    for (String command : new String[] {"up", "down"}) {
      Sandbox.Result r = sandbox.attempt(command);

      // Before: a 111-line docker-compose traceback, after run/active-pool was written.
      assertThat(r.exit()).as("exit of %s", command).isNotZero();
      // "no Docker engine answers (Cannot connect ...)", or where no docker command is installed
      // (CI's fresh machine) "no docker command here": either way the way out is named.
      assertThat(r.output().strip())
          .startsWith("sandbox: make " + command + " with RUNTIME=docker: no Docker")
          .containsPattern("no Docker engine answers \\(.+\\)|no docker command here")
          .endsWith("or use RUNTIME=local")
          .doesNotContain("\n");
    }
    try (var left = Files.list(runDir)) {
      assertThat(left.map(p -> p.getFileName().toString())).isEmpty();
    }
  }

  @Test
  void a_watcher_that_exits_during_start_up_fails_up_at_once_with_its_reason_and_stops_the_rest()
      throws Exception {
    sandbox = new Sandbox(runDir, Map.of("WINDOW_SIZE", "abc"));

    long begin = System.nanoTime();
    Sandbox.Result r = sandbox.attempt("up");
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin);

    assertThat(r.exit()).as(r.output()).isNotZero();
    assertThat(r.output().strip().lines())
        .as(r.output())
        .containsExactly(
            "sandbox: watcher exited during start-up: watcher: invalid WINDOW_SIZE 'abc' (set in"
                + " the environment): must be a whole number from 1 to 1000000 (see "
                + runDir.resolve("logs/watcher.log")
                + ")");
    // Before, it waited 30 s for the watcher's port and said "timed out".
    assertThat(seconds).as("seconds until up failed").isLessThan(20);
    assertNothingListens();
    assertThat(runDir.resolve("runtime")).doesNotExist();

    // Nothing was left to make the next start refuse with "already up".
    sandbox.set("WINDOW_SIZE", "200");
    assertThat(sandbox.run("up")).contains("up (local)");
  }

  @Test
  void slow_answers_late_outage_gives_clients_5xx_and_chaos_stop_brings_the_primary_back()
      throws Exception {
    sandbox = new Sandbox(runDir, Map.of("ACTIVE_POOL", "blue"));
    sandbox.run("up");

    ChaosTargets.check(sandbox, "blue");
  }

  private void assertNothingListens() {
    for (int port : sandbox.ports()) {
      assertThat(sandbox.listening(port)).as("port %d", port).isFalse();
    }
  }
}
