package dev.bluegreen.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox as users run it (scripts/sandbox.sh, local runtime) on free ports under a temp dir.
 */
final class Sandbox {
  static final Path ROOT =
      Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

  final int nginxPort;
  final int bluePort;
  final int greenPort;
  final int watcherPort;
  private final Map<String, String> env = new HashMap<>();

  Sandbox(Path runDir, Map<String, String> settings) throws IOException {
    nginxPort = freePort();
    bluePort = freePort();
    greenPort = freePort();
    watcherPort = freePort();
    env.putAll(settings);
    env.put("RUNTIME", "local");
    env.put("RUN_DIR", runDir.toString());
    // Never the developer's .env: the test's settings only, and switch must not edit it.
    env.put("SANDBOX_ENV_FILE", runDir.resolve("no.env").toString());
    env.put("NGINX_PORT", Integer.toString(nginxPort));
    env.put("BLUE_PORT", Integer.toString(bluePort));
    env.put("GREEN_PORT", Integer.toString(greenPort));
    env.put("HTTP_PORT", Integer.toString(watcherPort));
  }

  /** Runs {@code scripts/sandbox.sh args}; returns its output, fails with it on a non-zero exit. */
  String run(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("bash", "scripts/sandbox.sh"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    // Read on this thread: the script's output is small and it ends on its own within its waits.
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("sandbox.sh " + String.join(" ", args) + " did not end in 90 s");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new AssertionError(
          "sandbox.sh " + String.join(" ", args) + " exited " + p.exitValue() + ":\n" + text);
    }
    return text;
  }

  boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
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
