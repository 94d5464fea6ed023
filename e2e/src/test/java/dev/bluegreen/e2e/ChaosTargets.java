package dev.bluegreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill targets every runtime must pass on a running sandbox: chaos slow answers late, outage
 * gives clients 5xx, chaos-stop brings the active pool back, and a bad MS is refused with a reason.
 */
final class ChaosTargets {
  private ChaosTargets() {}

  static void check(Sandbox sandbox, String activePool) throws Exception {
    sandbox.set("CHAOS_MS", "300");
    String slow = sandbox.run("chaos", "slow");
    assertThat(slow)
        .contains("chaos slow on " + activePool, "statuses: 200 x20")
        .contains("served by: " + activePool + " x20")
        .containsPattern("slowest: 0\\.[3-9][0-9]* s");
    sandbox.set("CHAOS_MS", "");

    // Both pools answer 500; once both are marked failed, Nginx answers 502 itself.
    String outage = sandbox.run("chaos", "outage");
    assertThat(outage)
        .contains("chaos outage on blue green")
        .containsPattern("statuses: 50[02] x[0-9]+(, 50[02] x[0-9]+)?\\n");

    String stop = sandbox.run("chaos-stop");
    assertThat(stop)
        .contains("chaos stopped on blue", "chaos stopped on green")
        .contains(activePool + " serves again");

    sandbox.set("CHAOS_MS", "0");
    Sandbox.Result refused = sandbox.attempt("chaos", "slow");
    sandbox.set("CHAOS_MS", "");
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.output()).contains("ms must be a whole number from 1 to 30000, not '0'");
  }
}
