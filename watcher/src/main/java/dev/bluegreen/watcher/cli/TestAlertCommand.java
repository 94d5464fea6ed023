package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.DeliverySettings;
import dev.bluegreen.watcher.Setting;
import dev.bluegreen.watcher.Sinks;
import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.Evidence;
import dev.bluegreen.watcher.detect.LineRef;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.detect.Severity;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.AlertMessage;
import dev.bluegreen.watcher.notify.DeliveryConfig;
import dev.bluegreen.watcher.notify.Receipt;
import dev.bluegreen.watcher.time.Timing;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code watcher test-alert}: one sample alert of each kind through every configured sink. */
@Command(
    name = "test-alert",
    modelTransformer = TestAlertCommand.Options.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Sends one sample alert of each kind (failover, recovery, error rate, resolved), marked as a"
          + " test, through every configured sink (Slack, webhook, Alertmanager), with the same"
          + " retries and pacing as the live watcher, and reports what each sink answered.",
    },
    footer = {
      "",
      "Exit status: 0 every sink accepted every sample; 1 a sink rejected or never accepted one"
          + " (its reason is shown, e.g. no_service for a revoked Slack webhook); 2 bad settings"
          + " or no sink configured.",
      "",
      "Examples:",
      "  SLACK_WEBHOOK_URL=https://hooks.slack.com/services/... watcher test-alert",
      "  watcher test-alert --alertmanager-url http://127.0.0.1:9093"
    })
final class TestAlertCommand implements Callable<Integer> {
  /** test-alert's settings: where alerts go. */
  static final class Options extends SettingOptions {
    Options() {
      super(Setting.of(Setting.Group.DELIVERY));
    }
  }

  @ParentCommand WatcherCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Wait this long for the sinks to accept the samples (retries included), then 10 s more"
              + " for the queue to drain. Default: ${DEFAULT-VALUE}.")
  int timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    DeliveryConfig config = DeliverySettings.load(SettingOptions.read(spec, parent.env()));
    if (!config.hasSink()) {
      throw new CliException(
          "no alert sink is configured: set SLACK_WEBHOOK_URL (or --slack-webhook-url),"
              + " ALERT_WEBHOOK_URL or ALERTMANAGER_URL",
          Main.EXIT_USAGE);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Timing timing = Timing.SYSTEM;
    List<Alert> samples = samples(timing.now().truncatedTo(ChronoUnit.SECONDS));
    Receipts receipts = new Receipts();
    AlertDelivery delivery = Sinks.start(config, out, timing, receipts::add);
    int expected = samples.size() * delivery.sinks().size();
    err.println(
        "test-alert: sending "
            + samples.size()
            + " sample alerts (failover, recovery, error_rate, error_rate_resolved) to "
            + delivery.describeSinks());
    err.flush();
    samples.forEach(delivery::publishSample);
    receipts.await(expected, TimeUnit.SECONDS.toNanos(timeoutSeconds), timing);
    delivery.close();
    return report(out, receipts.all(), expected);
  }

  /** What the sinks answered, collected from the sender threads. */
  private static final class Receipts {
    private final List<Receipt> all = new ArrayList<>();

    synchronized void add(Receipt receipt) {
      all.add(receipt);
      notifyAll();
    }

    /** Waits until {@code count} receipts are in, or {@code timeoutNanos} passed. */
    synchronized void await(int count, long timeoutNanos, Timing timing)
        throws InterruptedException {
      long deadline = timing.nanoTime() + timeoutNanos;
      long left;
      while (all.size() < count && (left = deadline - timing.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    synchronized List<Receipt> all() {
      return List.copyOf(all);
    }
  }

  private static int report(PrintWriter out, List<Receipt> receipts, int expected) {
    int accepted = 0;
    for (Receipt receipt : receipts) {
      boolean ok = receipt.outcome() == Receipt.Outcome.DELIVERED;
      accepted += ok ? 1 : 0;
      out.printf(
          "test-alert: %-12s %-20s %s%n",
          receipt.sink(),
          receipt.message() instanceof AlertMessage sample
              ? sample.alert().kind().wireName()
              : receipt.message().describe(),
          ok ? "accepted" + attempts(receipt) : outcome(receipt) + ": " + receipt.reason());
    }
    boolean all = accepted == expected;
    out.println(
        "test-alert: "
            + accepted
            + " of "
            + expected
            + " accepted"
            + (all ? "" : "; see the reasons above and runbook.md, 'When alerts do not arrive'"));
    out.flush();
    return all ? 0 : 1;
  }

  private static String attempts(Receipt receipt) {
    return receipt.attempts() > 1 ? " after " + receipt.attempts() + " attempts" : "";
  }

  private static String outcome(Receipt receipt) {
    return switch (receipt.outcome()) {
      case DELIVERED -> "accepted";
      case REJECTED -> "REJECTED";
      case GAVE_UP -> "NOT DELIVERED after " + receipt.attempts() + " attempts";
      case DROPPED -> "DROPPED";
    };
  }

  /**
   * One alert of each kind, as a failover of blue to green (a warning) and an error-rate spike
   * clients saw (critical, so routes that page on critical are tested too) would be.
   */
  static List<Alert> samples(Instant now) {
    LineRef where = new LineRef("watcher test-alert", 1);
    ErrorRate spike = new ErrorRate(200, 6, 3, 2.0);
    ErrorRate calm = new ErrorRate(200, 1, 0, 2.0);
    Evidence blue =
        new Evidence(
            "blue",
            "10.0.0.2:3000",
            6,
            6,
            List.of(new Evidence.StatusCount(500, 6)),
            "sample-request-id");
    return List.of(
        new PoolAlert(AlertKind.FAILOVER, now, where, "blue", "green", "green-sample", false, false)
            .withEvidence(blue),
        new PoolAlert(AlertKind.RECOVERY, now, where, "green", "blue", "blue-sample", false, false),
        new ErrorRateAlert(AlertKind.ERROR_RATE, now, where, spike).withEvidence(blue),
        new ErrorRateAlert(
            AlertKind.ERROR_RATE_RESOLVED, now, where, calm, Severity.CRITICAL, false, false));
  }
}
