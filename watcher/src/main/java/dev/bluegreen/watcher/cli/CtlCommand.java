package dev.bluegreen.watcher.cli;

import static dev.bluegreen.watcher.Setting.ADMIN_TOKEN;
import static dev.bluegreen.watcher.Setting.ADMIN_TOKEN_FILE;
import static dev.bluegreen.watcher.Setting.HTTP_PORT;
import static dev.bluegreen.watcher.Setting.STATE_FILE;

import dev.bluegreen.watcher.InvalidSettingException;
import dev.bluegreen.watcher.LiveConfig;
import dev.bluegreen.watcher.Settings;
import dev.bluegreen.watcher.detect.PoolName;
import dev.bluegreen.watcher.json.Json;
import dev.bluegreen.watcher.json.JsonObject;
import dev.bluegreen.watcher.ops.AdminToken;
import dev.bluegreen.watcher.ops.Controls;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
      "  ctl status                 what the watcher sees now",
      "Changes carry the admin token: ADMIN_TOKEN, else the file ADMIN_TOKEN_FILE, by default"
          + " admin-token beside STATE_FILE (the watcher made it at its first start; reading it"
          + " needs the watcher's user or root)."
    },
    footer = {"", "Exit status: 0 applied, 1 no watcher answered or it refused, 2 usage."})
final class CtlCommand implements Callable<Integer> {
  /**
   * How long ctl waits for an answer: the watcher's own, a 503 after at most twice {@link
   * Controls#TIMEOUT} when its reading thread is stuck, must arrive first, so 5 s more, ample for
   * one HTTP exchange on this machine.
   */
  static final Duration REQUEST_TIMEOUT = Controls.TIMEOUT.multipliedBy(2).plusSeconds(5);

  /** ctl's settings, with help that says what each is to ctl. */
  static final class Options implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      spec.addOption(SettingOptions.option(HTTP_PORT, "The watcher's HTTP port."));
      spec.addOption(
          SettingOptions.option(
              ADMIN_TOKEN, "The admin token (else read from ADMIN_TOKEN_FILE); prefer the env."));
      spec.addOption(
          SettingOptions.option(
              ADMIN_TOKEN_FILE, "Where the running watcher keeps its admin token."));
      spec.addOption(
          SettingOptions.option(
              STATE_FILE, "The running watcher's state file: the admin token is beside it."));
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
    Settings settings = SettingOptions.read(spec, parent.env());
    int port = settings.integer(HTTP_PORT, LiveConfig.DEFAULT_HTTP_PORT, 1, 65_535);
    HttpRequest request = request(port, settings);
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(3))
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new CliException(
          "no answer from the watcher on 127.0.0.1:"
              + port
              + " within "
              + REQUEST_TIMEOUT.toSeconds()
              + " s: the change may or may not be applied; see watcher ctl status",
          1);
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
    JsonObject body = readTree(response.body());
    if (response.statusCode() != 200) {
      throw new CliException(
          "the watcher refused: "
              + (body.get("error") == null ? response.body() : StatusField.text(body, "error")),
          1);
    }
    long lines = StatusField.number(body, "lines");
    spec.commandLine()
        .getOut()
        .printf(
            "maintenance %s, active pool %s, serving %s, announced %s, %d %s read%n",
            StatusField.bool(body, "maintenance") ? "on" : "off",
            StatusField.text(body, "active_pool"),
            StatusField.text(body, "serving_pool"),
            StatusField.text(body, "announced_pool"),
            lines,
            lines == 1 ? "line" : "lines");
    if (body.get("probes") instanceof List<?> probes && !probes.isEmpty()) {
      spec.commandLine().getOut().println("probes: " + ProbesLine.of(probes));
    }
    if (StatusField.text(body, "notice").equals("held")) {
      spec.commandLine()
          .getOut()
          .println(
              "applied; its notice is held: at most one notice per control per 5 s, the channel"
                  + " hears the state in force then");
    }
    return 0;
  }

  private HttpRequest request(int port, Settings settings) {
    String base = "http://127.0.0.1:" + port + "/admin/";
    HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(REQUEST_TIMEOUT);
    if (!what.equals("status")) {
      builder.header("Authorization", "Bearer " + token(settings).reveal());
    }
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

  /** ADMIN_TOKEN, else the token in the file the watcher keeps it in. */
  private static AdminToken token(Settings settings) {
    AdminToken set;
    try {
      set = LiveConfig.adminToken(settings);
    } catch (InvalidSettingException e) {
      throw new CliException(e.getMessage(), Main.EXIT_USAGE);
    }
    if (set != null) {
      return set;
    }
    String state = settings.text(STATE_FILE, "").strip();
    Path file = LiveConfig.adminTokenFile(settings, state.isEmpty() ? null : Path.of(state));
    try {
      return AdminToken.read(file)
          .orElseThrow(
              () ->
                  new CliException(
                      "no admin token: "
                          + file
                          + " does not exist. Set ADMIN_TOKEN, or ADMIN_TOKEN_FILE or STATE_FILE"
                          + " as the running watcher has them",
                      1));
    } catch (AccessDeniedException e) {
      throw new CliException(
          "cannot read the admin token in " + file + ": run ctl as the watcher's user or root", 1);
    } catch (IOException e) {
      throw new CliException("cannot read the admin token: " + e.getMessage(), 1);
    }
  }

  private void requireNoValue() {
    if (value != null) {
      throw new CliException("usage: watcher ctl status", Main.EXIT_USAGE);
    }
  }

  /** The answer's JSON object; an empty one when it is none (a proxy's HTML page, say). */
  private static JsonObject readTree(String body) {
    try {
      return Json.read(body) instanceof Map<?, ?> object
          ? JsonObject.of(object)
          : new JsonObject(Map.of());
    } catch (IOException e) {
      return new JsonObject(Map.of());
    }
  }
}
