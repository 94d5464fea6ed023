package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.LiveConfig;
import dev.bluegreen.watcher.LiveWatcher;
import dev.bluegreen.watcher.Outlet;
import dev.bluegreen.watcher.WatcherConfig;
import dev.bluegreen.watcher.logging.LogSetup;
import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.DeliveryConfig;
import dev.bluegreen.watcher.notify.DeliveryOutlet;
import dev.bluegreen.watcher.ops.AdminServer;
import dev.bluegreen.watcher.source.LogFollower;
import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code watcher run}: follow the live log and alert. The default command. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Follows Nginx's access log and alerts on failovers, recoveries and 5xx spikes, until"
          + " stopped (SIGTERM or Ctrl-C: the state is saved and queued alerts go out first).",
      "Serves /healthz and /metrics, and takes live controls from 'watcher ctl'."
    })
final class RunCommand implements Callable<Integer> {
  @ParentCommand WatcherCommand parent;

  @Spec CommandSpec spec;

  @Mixin LiveOptions liveOptions;

  @Mixin DetectionOptions options;

  @Mixin DeliveryOptions delivery;

  @Override
  public Integer call() throws InterruptedException {
    WatcherConfig config = options.toConfig(parent.env());
    LiveConfig live = liveOptions.toConfig(parent.env());
    LogSetup.configure(live.jsonLogs());
    DeliveryConfig deliveryConfig = delivery.toConfig(parent.env());
    AlertDelivery alerts = AlertDelivery.start(deliveryConfig, spec.commandLine().getOut());
    Outlet outlet = new DeliveryOutlet(alerts);
    LiveWatcher watcher =
        new LiveWatcher(config, live, outlet, System::currentTimeMillis, LogFollower.DEFAULT_POLL);
    AdminServer admin;
    try {
      admin = AdminServer.start(live.httpBind(), live.httpPort(), watcher);
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
                  alerts.close(); // queued alerts get up to 10 s to go out
                  stopped.countDown();
                },
                "shutdown"));
    watcher.start();
    stopped.await();
    return 0;
  }
}
