package dev.bluegreen.watcher.cli;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code watcher} command: holds the subcommands and what they share. */
@Command(
    name = "watcher",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {
      RunCommand.class,
      ReplayCommand.class,
      CtlCommand.class,
      TestAlertCommand.class,
      DoctorCommand.class
    },
    description = {
      "Follows Nginx's access log for a blue/green pair and alerts on failovers and 5xx spikes.",
      "",
      "Every option can also be set by the environment variable named in its description; a flag"
          + " beats the environment. Run 'watcher COMMAND --help' for a command's options."
    },
    footer = {
      "",
      "Exit status: 0 done, 1 failed (e.g. unreadable log), 2 bad settings or usage.",
      "Docs: README.md and runbook.md in the project; installed from the .deb,",
      "man watcher and /usr/share/doc/bluegreen-watch/."
    })
final class WatcherCommand implements Callable<Integer> {
  private final Map<String, String> env;
  private final InputStream stdin;

  @Spec CommandSpec spec;

  WatcherCommand(Map<String, String> env, InputStream stdin) {
    this.env = env;
    this.stdin = stdin;
  }

  Map<String, String> env() {
    return env;
  }

  InputStream stdin() {
    return stdin;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("watcher: missing command");
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.EXIT_USAGE;
  }

  /**
   * {@code run} is the default command: {@code watcher --log x} means {@code watcher run --log x}.
   */
  static String[] withDefaultCommand(String[] args) {
    boolean startsWithCommand = args.length > 0 && !args[0].startsWith("-");
    boolean asksTopLevel =
        args.length > 0
            && (args[0].equals("-h")
                || args[0].equals("--help")
                || args[0].equals("-V")
                || args[0].equals("--version"));
    if (startsWithCommand || asksTopLevel) {
      return args;
    }
    String[] withRun = new String[args.length + 1];
    withRun[0] = "run";
    System.arraycopy(args, 0, withRun, 1, args.length);
    return withRun;
  }
}
