package dev.bluegreen.watcher.cli;

import static dev.bluegreen.watcher.Setting.HTTP_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bluegreen.watcher.LiveConfig;
import dev.bluegreen.watcher.detect.PoolName;
import dev.bluegreen.watcher.ops.Controls;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code watcher ctl}: changes a running watcher without a restart, through its admin endpoint. */
@Command(
    name = "ctl",
    modelTransformer = CtlCommand.Options.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Controls a running 'watcher run' on this machine, through its admin endpoint on"
          + " 127.0.0.1:HTTP_PORT.",
      "  ctl maintenance on|off     suppress alerts during planned work; announced once",
      "  ctl active-pool NAME       a planned switch: NAME becomes the expected pool; a notice,"
          + " not a failover page",
      "  ctl status                 what the watcher sees now"
    },
    footer = {"", "Exit status: 0 applied, 1 no watcher answered or it refused, 2 usage."})
final class CtlCommand implements Callable<Integer> {
  /** Made on first use: every command builds this one at start-up, only ctl needs JSON. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /**
   * How long ctl waits for an answer: the watcher's own, a 503 after {@link Controls#TIMEOUT} when
   * its reading thread is stuck, must arrive first, so 5 s more, ample for one HTTP exchange on
   * this machine.
   */
  static final Duration REQUEST_TIMEOUT = Controls.TIMEOUT.plusSeconds(5);

  /** ctl's one setting, the port, with help that says what it is to ctl. */
  static final class Options implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      spec.addOption(SettingOptions.option(HTTP_PORT, "The watcher's HTTP port."));
      return spec;
    }
  }

  @ParentCommand WatcherCommand parent;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WHAT", description = "maintenance, active-pool or status")
  String what;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "VALUE",
      description = "on|off for maintenance; a pool name for active-pool")
  String value;

  @Override
  public Integer call() {
    int port =
        SettingOptions.read(spec, parent.env())
            .integer(HTTP_PORT, LiveConfig.DEFAULT_HTTP_PORT, 1, 65_535);
    HttpRequest request = request(port);
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(3))
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new CliException(
          "no watcher answers on 127.0.0.1:"
              + port
              + "; is 'watcher run' running? (set HTTP_PORT if it uses another port)",
          1);
    } catch (IOException e) {
      throw new CliException("talking to the watcher on 127.0.0.1:" + port + " failed: " + e, 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", 1);
    }
    JsonNode body = readTree(response.body());
    if (response.statusCode() != 200) {
      throw new CliException(
          "the watcher refused: " + body.path("error").asText(response.body()), 1);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "maintenance %s, active pool %s, serving %s, announced %s, %d %s read%n",
            body.path("maintenance").asBoolean() ? "on" : "off",
            body.path("active_pool").asText(),
            body.path("serving_pool").asText(),
            body.path("announced_pool").asText(),
            body.path("lines").asLong(),
            body.path("lines").asLong() == 1 ? "line" : "lines");
    return 0;
  }

  private HttpRequest request(int port) {
    String base = "http://127.0.0.1:" + port + "/admin/";
    HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(REQUEST_TIMEOUT);
    return switch (what) {
      case "status" -> {
        requireNoValue();
        yield builder.uri(URI.create(base + "status")).GET().build();
      }
      case "maintenance" -> {
        if (!"on".equals(value) && !"off".equals(value)) {
          throw new CliException("usage: watcher ctl maintenance on|off", Main.EXIT_USAGE);
        }
        yield builder
            .uri(URI.create(base + "maintenance?on=" + value.equals("on")))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
      }
      case "active-pool" -> {
        if (value == null || !PoolName.isValid(value)) {
          throw new CliException(
              "usage: watcher ctl active-pool NAME (a pool name such as blue or green)",
              Main.EXIT_USAGE);
        }
        yield builder
            .uri(URI.create(base + "active-pool?pool=" + value))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
      }
      default ->
          throw new CliException(
              "unknown ctl command '" + what + "' (maintenance, active-pool or status)",
              Main.EXIT_USAGE);
    };
  }

  private void requireNoValue() {
    if (value != null) {
      throw new CliException("usage: watcher ctl status", Main.EXIT_USAGE);
    }
  }

  private static JsonNode readTree(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return Json.MAPPER.createObjectNode();
    }
  }
}
