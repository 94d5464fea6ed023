package dev.bluegreen.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox as users run it (scripts/sandbox.sh) on free ports under a temp dir: the local
 * runtime, or compose on a Docker engine.
 */
final class Sandbox {
  static final Path ROOT =
      Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

  final int nginxPort;
  final int bluePort;
  final int greenPort;
  final int watcherPort;
  private final Path runDir;
  private final Duration limit;
  private final Map<String, String> env = new HashMap<>();

  /**
   * {@code runtime} is local or docker; {@code limit} bounds each command (a docker up builds
   * images and waits for healthchecks).
   */
  Sandbox(Path runDir, String runtime, Duration limit, Map<String, String> settings)
      throws IOException {
    this.runDir = runDir;
    this.limit = limit;
    nginxPort = freePort();
    bluePort = freePort();
    greenPort = freePort();
    watcherPort = freePort();
    env.putAll(settings);
    env.put("RUNTIME", runtime);
    env.put("RUN_DIR", runDir.toString());
    // Never the developer's .env: the test's settings only, and switch must not edit it.
    env.put("SANDBOX_ENV_FILE", runDir.resolve("no.env").toString());
    env.put("NGINX_PORT", Integer.toString(nginxPort));
    env.put("BLUE_PORT", Integer.toString(bluePort));
    env.put("GREEN_PORT", Integer.toString(greenPort));
    env.put("HTTP_PORT", Integer.toString(watcherPort));
  }

  Sandbox(Path runDir, Map<String, String> settings) throws IOException {
    this(runDir, "local", Duration.ofSeconds(90), settings);
  }

  /** Sets a variable for the commands that follow (a changed setting, as in .env). */
  void set(String name, String value) {
    env.put(name, value);
  }

  /** What one command printed (stdout and stderr together) and its exit status. */
  record Result(int exit, String output) {}

  /** Runs {@code scripts/sandbox.sh args}; returns its output, fails with it on a non-zero exit. */
  String run(String... args) throws IOException, InterruptedException {
    Result r = attempt(args);
    if (r.exit() != 0) {
      throw new AssertionError(
          "sandbox.sh " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.output());
    }
    return r.output();
  }

  /** Runs {@code scripts/sandbox.sh args} and returns how it ended; fails only if it hangs. */
  Result attempt(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("scripts/sandbox.sh"));
    command.addAll(List.of(args));
    return script(command.toArray(String[]::new));
  }

  /**
   * Runs {@code bash script args} from the repository root with the sandbox's environment (its
   * ports, RUN_DIR, settings) and returns how it ended; fails only if it hangs.
   */
  Result script(String... scriptAndArgs) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash"));
    command.addAll(List.of(scriptAndArgs));
    String[] args = scriptAndArgs;
    Path out = Files.createTempFile(runDir, "sandbox-", ".out");
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().putAll(env);
    // Output to a file, so that the limit holds even when the script hangs.
    pb.redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    boolean ended = p.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
    String text = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(out);
    if (!ended) {
      p.destroyForcibly();
      throw new AssertionError(
          String.join(" ", args) + " did not end in " + limit.toSeconds() + " s:\n" + text);
    }
    return new Result(p.exitValue(), text);
  }

  boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  List<Integer> ports() {
    return List.of(nginxPort, bluePort, greenPort, watcherPort);
  }

  static boolean nginxInstalled() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "nginx"))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin/nginx"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
