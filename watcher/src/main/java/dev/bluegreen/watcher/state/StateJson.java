package dev.bluegreen.watcher.state;

import dev.bluegreen.watcher.json.Json;
import dev.bluegreen.watcher.json.JsonObject;
import dev.bluegreen.watcher.source.FileIdentity;
import dev.bluegreen.watcher.source.LogPosition;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link WatcherState} as the state file's JSON: indented, each record an object of its components
 * in their order, as jackson-databind wrote it, so that files of earlier versions load and a save
 * writes the same bytes. Fields this version does not know are ignored, missing ones read as 0,
 * false or null.
 */
final class StateJson {
  private StateJson() {}

  static byte[] write(WatcherState state) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", state.version());
    json.put("log", state.log());
    json.put("position", write(state.position()));
    json.put("configuredPool", state.configuredPool());
    json.put("configuredMaintenance", state.configuredMaintenance());
    json.put("detectors", DetectorsJson.write(state.detectors()));
    json.put("outbox", OutboxJson.write(state.outbox()));
    return Json.indented(json);
  }

  /**
   * The state in {@code bytes}.
   *
   * @throws IOException when they are not JSON or not a state (a field of the wrong type)
   */
  static WatcherState read(byte[] bytes) throws IOException {
    Object tree = Json.read(bytes);
    try {
      JsonObject json = JsonObject.of(tree);
      return new WatcherState(
          json.integer("version"),
          json.text("log"),
          json.object("position", StateJson::position),
          json.text("configuredPool"),
          json.bool("configuredMaintenance"),
          json.object("detectors", DetectorsJson::read),
          json.object("outbox", OutboxJson::read));
    } catch (RuntimeException notAState) {
      throw new IOException(notAState.toString(), notAState);
    }
  }

  private static Map<String, Object> write(LogPosition position) {
    if (position == null) {
      return null;
    }
    Map<String, Object> identity = null;
    if (position.identity() != null) {
      identity = new LinkedHashMap<>();
      identity.put("fileKey", position.identity().fileKey());
      identity.put("fingerprint", position.identity().fingerprint());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("identity", identity);
    json.put("offset", position.offset());
    json.put("line", position.line());
    return json;
  }

  private static LogPosition position(JsonObject json) {
    return new LogPosition(
        json.object(
            "identity",
            identity -> new FileIdentity(identity.text("fileKey"), identity.text("fingerprint"))),
        json.number("offset"),
        json.number("line"));
  }
}
