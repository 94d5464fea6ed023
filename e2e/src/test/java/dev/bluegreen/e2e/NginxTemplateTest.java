package dev.bluegreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nginx/render.sh: ACTIVE_POOL picks primary and backup; bad values stop it with one line. */
class NginxTemplateTest {
  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  @Test
  void blue_active_makes_blue_primary_and_green_backup() throws Exception {
    Result r = render(Map.of("ACTIVE_POOL", "blue"));

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("server 127.0.0.1:8081 max_fails=1 fail_timeout=5s;")
        .contains("server 127.0.0.1:8082 backup max_fails=1 fail_timeout=5s;")
        .contains("proxy_next_upstream error timeout http_500 http_502 http_503 http_504;")
        .contains("proxy_read_timeout 1s;")
        .contains("include " + Sandbox.ROOT.resolve("nginx/access-log-format.conf"));
    assertThat(r.out().lines().filter(l -> !l.startsWith("#")))
        .as("no placeholder left")
        .noneMatch(l -> l.matches(".*@[A-Z_]+@.*"));
  }

  @Test
  void green_active_swaps_them() throws Exception {
    Result r =
        render(
            Map.of(
                "ACTIVE_POOL", "green",
                "BLUE_UPSTREAM", "app_blue:8081",
                "GREEN_UPSTREAM", "app_green:8082",
                "NGINX_LISTEN", "8080"));

    assertThat(r.out())
        .contains("server app_green:8082 max_fails=1")
        .contains("server app_blue:8081 backup max_fails=1")
        .contains("listen 8080;");
  }

  @Test
  void the_chaos_endpoints_are_refused_through_nginx() throws Exception {
    assertThat(render(Map.of()).out()).containsPattern("location \\^~ /chaos/ \\{\\s+return 404;");
  }

  @Test
  void an_unknown_pool_exits_2_with_one_line() throws Exception {
    Result r = render(Map.of("ACTIVE_POOL", "purple"));

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("render.sh: invalid ACTIVE_POOL 'purple': must be blue or green");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void a_value_that_could_inject_config_is_refused() throws Exception {
    Result r = render(Map.of("BLUE_UPSTREAM", "127.0.0.1:8081; include /etc/passwd"));

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("render.sh: unsafe value");
  }

  private Result render(Map<String, String> env) throws IOException, InterruptedException {
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    ProcessBuilder pb =
        new ProcessBuilder(List.of("sh", Sandbox.ROOT.resolve("nginx/render.sh").toString()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // Only the test's settings: render.sh's variables from the caller's shell would change the
    // output.
    pb.environment()
        .keySet()
        .removeIf(
            k ->
                k.equals("ACTIVE_POOL")
                    || k.endsWith("_UPSTREAM")
                    || k.startsWith("NGINX_")
                    || k.endsWith("_LOG")
                    || k.equals("LOG_FORMAT_FILE"));
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
