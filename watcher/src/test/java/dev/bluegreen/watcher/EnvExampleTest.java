package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code .env.example}, what people copy to configure the watcher, says what the settings table
 * says: every setting with its default, and nothing the watcher does not read.
 */
class EnvExampleTest {
  private static final Path ENV_EXAMPLE = Path.of("../.env.example");

  /** Variables of .env.example that the sandbox reads, not the watcher, and why. */
  private static final Map<String, String> SANDBOX_ONLY =
      Map.ofEntries(
          Map.entry(
              "RUNTIME",
              "scripts/sandbox.sh: run the stack with docker compose or as local processes"),
          Map.entry(
              "BLUE_RELEASE_ID", "docker-compose.yml and scripts/sandbox.sh: blue's X-Release-Id"),
          Map.entry(
              "GREEN_RELEASE_ID",
              "docker-compose.yml and scripts/sandbox.sh: green's X-Release-Id"),
          Map.entry("NGINX_PORT", "scripts/sandbox.sh and docker-compose.yml: where nginx listens"),
          Map.entry("BLUE_PORT", "scripts/sandbox.sh and docker-compose.yml: where blue listens"),
          Map.entry("GREEN_PORT", "scripts/sandbox.sh and docker-compose.yml: where green listens"),
          Map.entry(
              "RUN_DIR", "scripts/sandbox.sh: the runtime that is up; pid files, logs, state"),
          Map.entry("MAVEN_IMAGE", "docker-compose.yml: base of the images' Maven build stage"),
          Map.entry("JRE_IMAGE", "docker-compose.yml: base of the watcher and demo-app images"),
          Map.entry("NGINX_IMAGE", "docker-compose.yml: base of the nginx image"),
          Map.entry(
              "JAR_SOURCE", "docker-compose.yml: jars built in the image build, or the host's"),
          Map.entry(
              "ALERTMANAGER_SLACK_WEBHOOK_URL",
              "docker-compose.yml monitoring profile: Alertmanager's Slack webhook"),
          Map.entry("PROMETHEUS_PORT", "docker-compose.yml monitoring profile: Prometheus' port"),
          Map.entry("ALERTMANAGER_PORT", "docker-compose.yml monitoring profile: Alertmanager's"),
          Map.entry("GRAFANA_PORT", "docker-compose.yml monitoring profile: Grafana's port"),
          Map.entry("PROMETHEUS_IMAGE", "docker-compose.yml monitoring profile: Prometheus"),
          Map.entry("ALERTMANAGER_IMAGE", "docker-compose.yml monitoring profile: Alertmanager"),
          Map.entry("GRAFANA_IMAGE", "docker-compose.yml monitoring profile: Grafana"));

  /** NAME=value, or commented out: # NAME=value. */
  private static final Pattern ASSIGNMENT = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=(.*)$");

  @Test
  void everySettingIsInEnvExampleWithItsDefault() throws IOException {
    Map<String, String> example = variables();

    for (Setting setting : Setting.values()) {
      assertThat(example)
          .as("%s in .env.example", setting)
          .containsEntry(setting.name(), setting.defaultValue().value());
    }
  }

  @Test
  void everyVariableOfEnvExampleIsASettingOrTheSandboxs() throws IOException {
    for (String name : variables().keySet()) {
      boolean isSetting = Arrays.stream(Setting.values()).anyMatch(s -> s.name().equals(name));
      assertThat(isSetting || SANDBOX_ONLY.containsKey(name))
          .as("%s of .env.example is in the settings table (or SANDBOX_ONLY, with why)", name)
          .isTrue();
      assertThat(isSetting && SANDBOX_ONLY.containsKey(name)).as(name + " listed twice").isFalse();
    }
  }

  private static Map<String, String> variables() throws IOException {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : Files.readAllLines(ENV_EXAMPLE)) {
      Matcher assignment = ASSIGNMENT.matcher(line.strip());
      if (assignment.matches()) {
        String previous = variables.put(assignment.group(1), assignment.group(2).strip());
        assertThat(previous).as("%s twice in .env.example", assignment.group(1)).isNull();
      }
    }
    assertThat(variables).as("variables of " + ENV_EXAMPLE.toAbsolutePath()).isNotEmpty();
    return variables;
  }
}
