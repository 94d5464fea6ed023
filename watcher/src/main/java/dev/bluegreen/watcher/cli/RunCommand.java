package dev.bluegreen.watcher.cli;

import static dev.bluegreen.watcher.Setting.Group.DELIVERY;
import static dev.bluegreen.watcher.Setting.Group.DETECTION;
import static dev.bluegreen.watcher.Setting.Group.LIVE;

import dev.bluegreen.watcher.DeliveryOutlet;
import dev.bluegreen.watcher.DeliverySettings;
import dev.bluegreen.watcher.LiveConfig;
import dev.bluegreen.watcher.LiveWatcher;
import dev.bluegreen.watcher.Outlet;
import dev.bluegreen.watcher.Setting;
import dev.bluegreen.watcher.Settings;
import dev.bluegreen.watcher.Sinks;
import dev.bluegreen.watcher.Watcher;
import dev.bluegreen.watcher.WatcherConfig;
import dev.bluegreen.watcher.doctor.FormatChoice;
import dev.bluegreen.watcher.logging.LogSetup;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.DeliveryConfig;
import dev.bluegreen.watcher.notify.DeliveryStats;
import dev.bluegreen.watcher.ops.AdminServer;
import dev.bluegreen.watcher.ops.AdminToken;
import dev.bluegreen.watcher.page.Timeline;
import dev.bluegreen.watcher.parse.LogFormat;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code watcher run}: follow the live log and alert. The default command. */
@Command(
    name = "run",
    modelTransformer = RunCommand.Options.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Follows Nginx's access log and alerts on failovers, recoveries and 5xx spikes, until"
          + " stopped (SIGTERM or Ctrl-C: the state is saved and queued alerts go out first).",
      "Serves /healthz and /metrics, and takes live controls from 'watcher ctl'."
    })
final class RunCommand implements Callable<Integer> {
  /** run's settings: what to follow, what to decide, where alerts go. */
  static final List<Setting> SETTINGS = Setting.of(LIVE, DETECTION, DELIVERY);

  /** Adds {@link #SETTINGS} as options. */
  static final class Options extends SettingOptions {
    Options() {
      super(SETTINGS);
    }
  }

  @ParentCommand WatcherCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--from-start",
      description =
          "Read the log from its start instead of its end when there is no state to resume from.")
  boolean fromStart;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = SettingOptions.read(spec, parent.env());
    LiveConfig live = LiveConfig.load(settings, fromStart);
    FormatChoice format =
        FormatChoice.find(
            settings.raw(Setting.NGINX_LOG_FORMAT) != null, live.nginxConf(), live.logPath());
    WatcherConfig config =
        WatcherConfig.load(
            settings, format.directive() == null ? LogFormat.SANDBOX : format.directive());
    LogSetup.configure(live.jsonLogs());
    LoggerFactory.getLogger(RunCommand.class).info(format.why());
    settings.deprecations(SETTINGS).forEach(LoggerFactory.getLogger(RunCommand.class)::warn);
    AdminToken token = adminToken(live);
    DeliveryConfig deliveryConfig = DeliverySettings.load(settings);
    Timeline timeline = new Timeline(); // the status page's: what was sent, delivered or not
    AlertDelivery alerts =
        Sinks.start(deliveryConfig, spec.commandLine().getOut(), Timing.SYSTEM, timeline::receipt);
    Outlet outlet = new DeliveryOutlet(alerts, timeline);
    LiveWatcher watcher = new Watcher(config, Timing.SYSTEM).follow(live, outlet);
    AdminServer admin;
    try {
      admin = AdminServer.start(live.httpBind(), live.httpPort(), token, watcher, Timing.SYSTEM);
    } catch (BindException e) {
      alerts.close();
      throw new CliException(
          "cannot listen on "
              + live.httpBind()
              + ":"
              + live.httpPort()
              + " ("
              + e.getMessage()
              + "); is another watcher running? Set HTTP_PORT to use another port",
          1);
    } catch (IOException e) {
      alerts.close();
      throw new CliException("cannot start the HTTP server: " + e, 1);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  watcher.close(); // saves the state; last alerts are queued
                  admin.close();
                  DeliveryStats queued = alerts.stats();
                  if (live.stateFile() != null) {
                    alerts.keepUndelivered(); // the state file keeps them for the next run
                  }
                  alerts.close(); // up to 10 s to go out, then a request in flight is answered
                  DeliveryStats left = alerts.stats();
                  boolean saved = watcher.saveUndelivered();
                  LoggerFactory.getLogger(RunCommand.class)
                      .info(
                          "stopped: {}; {} alert message{} undelivered (one per sink), {} left"
                              + " after the drain: {}",
                          watcher.savedAtClose(),
                          queued.queued(),
                          queued.queued() == 1 ? " was" : "s were",
                          left.queued() + left.dropped() - queued.dropped(),
                          live.stateFile() == null
                              ? "dropped (no STATE_FILE)"
                              : saved
                                  ? "kept in the state file, sent after a restart"
                                  : "NOT saved (the state file could not be written)");
                  stopped.countDown();
                },
                "shutdown"));
    watcher.start();
    stopped.await();
    return 0;
  }

  /** ADMIN_TOKEN, else the token kept in ADMIN_TOKEN_FILE, made there at the first start. */
  private static AdminToken adminToken(LiveConfig live) {
    if (live.adminToken() != null) {
      return live.adminToken();
    }
    AdminToken.Loaded loaded;
    try {
      loaded = AdminToken.loadOrCreate(live.adminTokenFile());
    } catch (IOException | UnsupportedOperationException e) {
      throw new CliException(
          "cannot keep the admin token in "
              + live.adminTokenFile()
              + " ("
              + e.getMessage()
              + "); set ADMIN_TOKEN_FILE to a writable place, or ADMIN_TOKEN",
          1);
    }
    org.slf4j.Logger log = LoggerFactory.getLogger(RunCommand.class);
    if (loaded.created()) {
      log.info(
          "generated the admin token into {} (0600); watcher ctl reads it there",
          live.adminTokenFile());
    } else if (loaded.tightened()) {
      log.warn("{} could be read by others: made it 0600", live.adminTokenFile());
    }
    return loaded.token();
  }
}
