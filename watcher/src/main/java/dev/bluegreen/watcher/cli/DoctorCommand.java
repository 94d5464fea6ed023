package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.DeliverySettings;
import dev.bluegreen.watcher.InvalidSettingException;
import dev.bluegreen.watcher.LiveConfig;
import dev.bluegreen.watcher.Setting;
import dev.bluegreen.watcher.Settings;
import dev.bluegreen.watcher.WatcherConfig;
import dev.bluegreen.watcher.doctor.AccessCheck;
import dev.bluegreen.watcher.doctor.Check;
import dev.bluegreen.watcher.doctor.ConfLoader;
import dev.bluegreen.watcher.doctor.Host;
import dev.bluegreen.watcher.doctor.NginxCheck;
import dev.bluegreen.watcher.doctor.ProbeCheck;
import dev.bluegreen.watcher.notify.DeliveryConfig;
import dev.bluegreen.watcher.probe.HttpProbe;
import dev.bluegreen.watcher.probe.ProbeConfig;
import dev.bluegreen.watcher.probe.ProbeTarget;
import dev.bluegreen.watcher.time.Timing;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code watcher doctor}: checks that Nginx, the log, the state and the sinks suit the watcher. */
@Command(
    name = "doctor",
    modelTransformer = DoctorCommand.Options.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Checks the setup with run's settings, one line per check (ok, warn or fail, with the fix):"
          + " Nginx's configuration as Nginx sees it (nginx -T, or -T -c NGINX_CONF when set;"
          + " read from the disk when nginx cannot run), each access_log and its log_format, that"
          + " LOG_PATH is one of them and its format carries what the watcher reads"
          + " ($status, the pool header, $upstream_status, $request_time, a time), that"
          + " NGINX_LOG_FORMAT (if set) is that format, that the service user can read the log"
          + " and write the state directory, that each alert sink takes a test alert, and that"
          + " each PROBE_URLS pool's health URL answers 2xx.",
    },
    footer = {
      "",
      "Exit status: 0 every check ok; 1 warnings (the watcher runs, partly blind); 2 a failure"
          + " (it would not work).",
      "",
      "Examples:",
      "  sudo -u bluegreen-watch sh -c 'set -a; . /etc/bluegreen-watch/watcher.env; watcher"
          + " doctor'",
      "  watcher doctor --no-send --nginx-conf saved-nginx-T.txt --log /var/log/nginx/access.log"
    })
final class DoctorCommand implements Callable<Integer> {
  /** doctor's settings: those of run. */
  static final class Options extends SettingOptions {
    Options() {
      super(RunCommand.SETTINGS);
    }
  }

  @ParentCommand WatcherCommand parent;

  @Spec CommandSpec spec;

  private boolean probed; // PROBE_URLS was set: its pools have lines of their own

  @Option(
      names = "--no-send",
      description =
          "Do not post a test alert: only check that each sink's URL answers a GET (Slack answers"
              + " one with an error, which is enough).")
  boolean noSend;

  @Option(
      names = "--nginx",
      paramLabel = "BINARY",
      description =
          "The nginx to run with -T, or 'none' to read the configuration from the disk. Default:"
              + " nginx on PATH, else /usr/sbin/nginx.")
  String nginx;

  @Option(
      names = "--service-user",
      paramLabel = "USER",
      defaultValue = AccessCheck.SERVICE_USER,
      description =
          "Who runs the watcher; run as root, the doctor checks the log and the state directory"
              + " for this user. Default: ${DEFAULT-VALUE}.")
  String serviceUser;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Wait this long for each sink's answer. Default: ${DEFAULT-VALUE}.")
  int timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = SettingOptions.read(spec, parent.env());
    List<Check> checks = new ArrayList<>();
    LiveConfig live;
    DeliveryConfig delivery;
    try {
      live = LiveConfig.load(settings, false);
      delivery = DeliverySettings.load(settings);
      WatcherConfig.load(settings);
    } catch (InvalidSettingException e) {
      checks.add(Check.fail("settings", e.getMessage(), "correct that setting"));
      return print(checks);
    }
    ConfLoader.Loaded nginxConf =
        ConfLoader.load(
            nginxBinary(), settings.raw(Setting.NGINX_CONF), LiveConfig.DEFAULT_NGINX_CONF);
    checks.add(nginxConf.check());
    if (nginxConf.logs() != null) {
      checks.addAll(
          NginxCheck.of(
              nginxConf.logs(), live.logPath().toString(), settings.raw(Setting.NGINX_LOG_FORMAT)));
    }
    checks.addAll(files(live));
    checks.addAll(
        SinkProbe.check(
            delivery,
            noSend,
            timeoutSeconds,
            TestAlertCommand.samples(Timing.SYSTEM.now().truncatedTo(ChronoUnit.SECONDS))
                .subList(0, 1)));
    checks.addAll(probes(live.probes()));
    probed = live.probes().enabled();
    return print(checks);
  }

  /** Each PROBE_URLS pool checked once, as {@code watcher run} checks it. */
  private static List<Check> probes(ProbeConfig probes) {
    HttpProbe probe = new HttpProbe(probes.connectTimeout(), probes.readTimeout());
    List<Check> checks = new ArrayList<>();
    for (ProbeTarget target : probes.targets()) {
      checks.add(ProbeCheck.of(target, probe.check(target)));
    }
    return checks;
  }

  private List<Check> files(LiveConfig live) {
    String user = System.getProperty("user.name");
    AccessCheck access = new AccessCheck(user, serviceUser, Host.groupsOf(serviceUser));
    Path log = live.logPath();
    List<Check> checks = new ArrayList<>();
    checks.add(access.log(Host.facts(log), Host.dirsAbove(log), Files.isReadable(log)));
    Path state = live.stateFile();
    Path dir = state == null ? null : state.toAbsolutePath().getParent();
    checks.add(
        state == null
            ? access.state(null, null, null, false)
            : access.state(
                state.toString(),
                Host.facts(dir),
                Host.facts(state),
                Files.isWritable(dir) && (!Files.exists(state) || Files.isWritable(state))));
    return checks;
  }

  private String nginxBinary() {
    if (nginx != null) {
      return nginx.equals("none") ? null : nginx;
    }
    String path = parent.env().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nginx"))) {
        return Path.of(dir, "nginx").toString();
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : null;
  }

  private int print(List<Check> checks) {
    PrintWriter out = spec.commandLine().getOut();
    checks.forEach(check -> out.println(check.line()));
    int status = Check.exitStatus(checks);
    long warnings = checks.stream().filter(c -> c.verdict() == Check.Verdict.WARN).count();
    long failures = checks.stream().filter(c -> c.verdict() == Check.Verdict.FAIL).count();
    out.println(
        "doctor: "
            + checks.size()
            + " checks, "
            + warnings
            + " warning"
            + (warnings == 1 ? "" : "s")
            + ", "
            + failures
            + " failure"
            + (failures == 1 ? "" : "s")
            + (probed ? "" : " (PROBE_URLS is unset: the standby pool is not checked)"));
    out.flush();
    return status;
  }
}
