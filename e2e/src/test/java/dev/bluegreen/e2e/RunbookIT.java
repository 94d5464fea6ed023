package dev.bluegreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runbook.md works as written: its sandbox blocks (```sh sandbox) and the blocks for both places
 * (```sh) run in order, with bash -e, against a running sandbox; the server blocks parse.
 */
class RunbookIT {
  private static final Path RUNBOOK = Sandbox.ROOT.resolve("runbook.md");

  @TempDir Path runDir;
  private Sandbox sandbox;

  @AfterEach
  void leaveNothingRunning() throws Exception {
    if (sandbox != null && Files.exists(runDir.resolve("runtime"))) {
      sandbox.run("down");
    }
  }

  /** A fenced block of the runbook: where it starts, its tag (sh, sh sandbox, sh server), text. */
  record Block(int line, String tag, String text) {}

  @Test
  void every_sandbox_command_of_the_runbook_runs_against_a_running_sandbox() throws Exception {
    List<Block> blocks = blocks();
    assertThat(blocks).extracting(Block::tag).contains("sh", "sh sandbox", "sh server");
    sandbox = new Sandbox(runDir, Map.of("ACTIVE_POOL", "blue"));
    sandbox.run("up");
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 30; i++) {
      http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.nginxPort + "/version"))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }

    StringBuilder script = new StringBuilder("set -e\n");
    for (Block b : blocks) {
      if (!b.tag().equals("sh server")) {
        script.append("echo '### runbook.md:").append(b.line()).append("'\n").append(b.text());
      }
    }
    Path file = runDir.resolve("runbook-sandbox.sh");
    Files.writeString(file, script);
    Sandbox.Result r = sandbox.script(file.toString());

    assertThat(r.exit()).as("the last ### names the block that failed:\n%s", r.output()).isZero();
    assertThat(r.output())
        .doesNotContain("command not found", "No such file")
        .contains("maintenance on, active pool blue")
        .contains("switched: blue -> green")
        .contains("active pool green");
  }

  @Test
  void every_server_block_is_valid_shell() throws Exception {
    for (Block b : blocks()) {
      if (b.tag().equals("sh server")) {
        Process p = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        p.getOutputStream().write(b.text().getBytes());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("runbook.md:%d %s", b.line(), out).isZero();
      }
    }
  }

  private static List<Block> blocks() throws Exception {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = Files.readAllLines(RUNBOOK);
    for (int i = 0; i < lines.size(); i++) {
      String tag = lines.get(i).strip();
      if (tag.startsWith("```") && tag.length() > 3) {
        int start = i + 1;
        StringBuilder text = new StringBuilder();
        while (!lines.get(++i).strip().equals("```")) {
          text.append(lines.get(i)).append('\n');
        }
        blocks.add(new Block(start, tag.substring(3), text.toString()));
      }
    }
    return blocks;
  }
}
