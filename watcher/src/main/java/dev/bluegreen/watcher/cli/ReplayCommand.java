package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.Outlet;
import dev.bluegreen.watcher.Pipeline;
import dev.bluegreen.watcher.Setting;
import dev.bluegreen.watcher.Watcher;
import dev.bluegreen.watcher.WatcherConfig;
import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.notify.AlertJson;
import dev.bluegreen.watcher.notify.AlertText;
import dev.bluegreen.watcher.parse.LogFormat;
import dev.bluegreen.watcher.source.ReplaySource.ReplayException;
import dev.bluegreen.watcher.time.Timing;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code watcher replay}: the alerts the watcher would have sent for existing logs. */
@Command(
    name = "replay",
    modelTransformer = ReplayCommand.Options.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs existing access logs through the same decisions as the live watcher and prints the"
          + " alerts it would have sent, in order. Nothing is sent anywhere.",
      "Alerts go to stdout; a summary (lines, malformed, alerts, lines/s) and progress go to"
          + " stderr."
    },
    footer = {
      "",
      "Examples:",
      "  watcher replay /var/log/nginx/access.log",
      "  watcher replay --format json access.log.2.gz access.log.1 access.log",
      "  zcat old.log.gz | watcher replay -",
      "  watcher replay --nginx-log-format \"$(cat my-log-format.conf)\" access.log",
      "  watcher replay --nginx-log-format combined access.log",
      "",
      "Exit status: 0 done (an empty log too: 0 lines say nothing about the format), 1 a log"
          + " could not be read or none of its lines matched the log format, 2 bad settings or"
          + " usage."
    })
final class ReplayCommand implements Callable<Integer> {
  /** replay's settings: what to decide. */
  static final class Options extends SettingOptions {
    Options() {
      super(Setting.of(Setting.Group.DETECTION));
    }
  }

  /** How often a long replay reports progress. */
  private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

  enum Format {
    text,
    json
  }

  @ParentCommand WatcherCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description =
          "text: one readable line per alert. json: one JSON object per line (kind, file, line,"
              + " at, from/to/release or rate/errors/requests). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Logs to replay in order: plain, .gz, or - for standard input.")
  List<String> files;

  @Override
  public Integer call() {
    WatcherConfig config = WatcherConfig.load(SettingOptions.read(spec, parent.env()));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (config.maintenance()) {
      err.println("watcher: maintenance mode is on: alerts are suppressed");
    }
    if (!config.logFormat().hasPool()) {
      err.println("watcher: " + LogFormat.WITHOUT_POOL);
    }
    if (!config.logFormat().hasRequestTime()) {
      err.println("watcher: " + LogFormat.WITHOUT_REQUEST_TIME);
    }
    Consumer<Alert> print =
        format == Format.json
            ? alert -> out.println(AlertJson.toLine(alert))
            : alert -> out.println(AlertText.toLine(alert));
    Timing timing = Timing.SYSTEM;
    Progress progress = new Progress(err, timing);
    Pipeline.Stats stats;
    try {
      stats =
          new Watcher(config, timing)
              .replay(files, parent.stdin(), Outlet.of(print), progress::report);
    } catch (ReplayException e) {
      out.flush();
      throw new CliException(e.getMessage(), 1);
    }
    out.flush();
    printSummary(err, stats, timing.nanoTime() - progress.start);
    return noLineMatched(stats) ? 1 : 0;
  }

  /** Lines were read and not one fitted: the format is wrong, not the log empty. */
  private static boolean noLineMatched(Pipeline.Stats stats) {
    return stats.lines() > 0 && stats.parsed() == 0;
  }

  private void printSummary(PrintWriter err, Pipeline.Stats stats, long nanos) {
    double seconds = nanos / 1e9;
    err.printf(
        Locale.ROOT,
        "replay: %,d lines from %d file%s, %,d requests, %,d malformed, %,d alerts in %.2f s"
            + " (%,d lines/s)%n",
        stats.lines(),
        files.size(),
        files.size() == 1 ? "" : "s",
        stats.parsed(),
        stats.malformed(),
        stats.alerts(),
        seconds,
        (long) (stats.lines() / Math.max(seconds, 1e-9)));
    if (stats.malformed() > 0) {
      err.println(
          "replay: first malformed line "
              + stats.firstMalformedAt()
              + ": "
              + stats.firstMalformed().reason());
    }
    if (noLineMatched(stats)) {
      err.println(
          "replay: no line matched the log format; pass your nginx log_format with"
              + " --nginx-log-format (or NGINX_LOG_FORMAT)");
    }
    err.flush();
  }

  /** Prints a progress line every few seconds, so a long replay is visibly alive. */
  private static final class Progress {
    final long start;
    private final PrintWriter err;
    private final Timing timing;
    private long next;

    Progress(PrintWriter err, Timing timing) {
      this.err = err;
      this.timing = timing;
      this.start = timing.nanoTime();
      this.next = start + PROGRESS_EVERY_NANOS;
    }

    void report(Pipeline pipeline) {
      long now = timing.nanoTime();
      if (now - next < 0) {
        return;
      }
      next = now + PROGRESS_EVERY_NANOS;
      double seconds = (now - start) / 1e9;
      err.printf(
          Locale.ROOT,
          "replay: %,d lines so far (%,d lines/s), %,d alerts%n",
          pipeline.lines(),
          (long) (pipeline.lines() / seconds),
          pipeline.alerts());
      err.flush();
    }
  }
}
