package dev.bluegreen.watcher.jmh;

import dev.bluegreen.watcher.parse.AccessEvent;
import dev.bluegreen.watcher.parse.LineParser;
import dev.bluegreen.watcher.parse.LogFormat;
import dev.bluegreen.watcher.parse.Parsed;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One access-log line to an {@link AccessEvent}, per format: the parser's cost per line. */
@State(Scope.Thread)
public class ParseBenchmark {
  private final LineParser sandbox = new LineParser(LogFormat.compile(LogFormat.SANDBOX));
  private final LineParser json = new LineParser(LogFormat.compile(SampleLines.JSON_FORMAT));
  private byte[][] sandboxLines;
  private byte[][] jsonLines;
  private int next;

  @Setup
  public void lines() {
    sandboxLines = SampleLines.sandbox();
    jsonLines = SampleLines.json();
    requireEvents(sandbox, sandboxLines);
    requireEvents(json, jsonLines);
  }

  /** A line the parser rejects would measure the wrong path: stop before measuring anything. */
  static void requireEvents(LineParser parser, byte[][] lines) {
    for (byte[] line : lines) {
      Parsed parsed = parser.parse(line, 0, line.length);
      if (!(parsed instanceof AccessEvent)) {
        throw new IllegalStateException(parsed + ": " + new String(line, StandardCharsets.UTF_8));
      }
    }
  }

  @Benchmark
  public Parsed sandboxLine() {
    byte[] line = sandboxLines[next++ & (SampleLines.COUNT - 1)];
    return sandbox.parse(line, 0, line.length);
  }

  @Benchmark
  public Parsed jsonLine() {
    byte[] line = jsonLines[next++ & (SampleLines.COUNT - 1)];
    return json.parse(line, 0, line.length);
  }
}
