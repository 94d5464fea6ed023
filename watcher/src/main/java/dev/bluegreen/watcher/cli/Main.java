package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.InvalidSettingException;
import dev.bluegreen.watcher.notify.SecretUrl;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point of {@code watcher.jar}; the only place that calls {@code System.exit}. */
public final class Main {
  /** Exit status for bad settings or usage, as picocli uses for usage errors. */
  public static final int EXIT_USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.in, System.out, System.err));
  }

  /** Runs the CLI in-process with the given environment and streams; returns the exit status. */
  public static int run(
      String[] args, Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new WatcherCommand(env, stdin));
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          if (e instanceof InvalidSettingException) {
            command.getErr().println("watcher: " + e.getMessage());
            return EXIT_USAGE;
          }
          if (e instanceof CliException failure) {
            command.getErr().println("watcher: " + e.getMessage());
            return failure.exitCode();
          }
          command.getErr().println("watcher: internal error: " + SecretUrl.maskUrls(e.toString()));
          return 1;
        });
    cli.setParameterExceptionHandler(Main::usageError);
    return cli.execute(WatcherCommand.withDefaultCommand(args));
  }

  /**
   * Picocli's usage error, with URLs masked: an argument in the wrong place may be a webhook URL,
   * and picocli would echo it.
   */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(SecretUrl.maskUrls(e.getMessage()));
    UnmatchedArgumentException.printSuggestions(e, err);
    command.usage(err);
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
