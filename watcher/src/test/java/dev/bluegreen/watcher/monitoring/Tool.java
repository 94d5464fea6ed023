package dev.bluegreen.watcher.monitoring;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real monitoring binary (promtool, amtool, prometheus-alertmanager, docker-compose) found on the
 * PATH. A missing one fails the test with the command that installs it: these tests never skip, so
 * CI cannot pass without having run them.
 */
public record Tool(Path path) {
  /** How long one short command (a check, a silence) may take before the test fails. */
  private static final long RUN_TIMEOUT_SECONDS = 60;

  /** {@code name} on the PATH, if it is there. */
  public static Optional<Tool> find(String name) {
    String pathVariable = System.getenv().getOrDefault("PATH", "");
    for (String dir : pathVariable.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(new Tool(candidate));
      }
    }
    return Optional.empty();
  }

  /** The first of {@code names} on the PATH; fails with {@code install} when none is there. */
  public static Tool require(String install, String... names) {
    for (String name : names) {
      Optional<Tool> tool = find(name);
      if (tool.isPresent()) {
        return tool.get();
      }
    }
    throw new AssertionError(
        String.join(" or ", names)
            + " is not installed (this test never skips); install it with: "
            + install);
  }

  /** promtool, from Debian's prometheus package. */
  public static Tool promtool() {
    return require("sudo apt-get install -y prometheus", "promtool");
  }

  /** amtool, from Debian's prometheus-alertmanager package. */
  public static Tool amtool() {
    return require("sudo apt-get install -y prometheus-alertmanager", "amtool");
  }

  /** Alertmanager itself, as Debian names it. */
  public static Tool alertmanager() {
    return require(
        "sudo apt-get install -y prometheus-alertmanager",
        "prometheus-alertmanager",
        "alertmanager");
  }

  /** What a finished command printed (stdout and stderr together) and its exit status. */
  public record Result(int exit, String output) {
    /** The output, failing with it when the command did not exit 0. */
    public String ok() {
      if (exit != 0) {
        throw new AssertionError("exit " + exit + ":\n" + output);
      }
      return output;
    }
  }

  /** Runs the tool with {@code args} in {@code dir} to its end. */
  public Result run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(path.toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes(); // ends when the process does
    if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** Starts the tool with {@code args}, its output to {@code log}; the caller stops it. */
  public Process start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(path.toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
