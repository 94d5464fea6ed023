package dev.bluegreen.watcher.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real nginx configurations the doctor's tests read, written into a temp dir. */
final class NginxConfs {
  private NginxConfs() {}

  /** The sandbox's nginx.conf, rendered by nginx/render.sh as make up renders it. */
  static Path sandbox(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("tmp"));
    Path conf = dir.resolve("nginx.conf");
    ProcessBuilder render =
        new ProcessBuilder("sh", "../nginx/render.sh")
            .redirectOutput(conf.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    render.environment().put("NGINX_RUN_DIR", dir.toString());
    render.environment().put("ACCESS_LOG", dir.resolve("access.log").toString());
    render.environment().put("NGINX_LISTEN", "127.0.0.1:1");
    int status = render.start().waitFor();
    if (status != 0) {
      throw new IllegalStateException("render.sh exited " + status);
    }
    return conf;
  }

  /** A site in combined and an API in a JSON format, from test resources, logging into dir. */
  static Path combinedAndJson(Path dir) throws IOException {
    String text =
        Files.readString(
            Path.of("src/test/resources/doctor/combined-and-json.conf"), StandardCharsets.UTF_8);
    Path conf = dir.resolve("nginx.conf");
    Files.writeString(conf, text.replace("@DIR@", dir.toString()), StandardCharsets.UTF_8);
    return conf;
  }

  /** A file holding {@code lines}. */
  static Path write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", List.of(lines)) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  /** nginx on PATH or Debian's, or null when this machine has none. */
  static String nginx() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nginx"))) {
        return Path.of(dir, "nginx").toString();
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : null;
  }
}
