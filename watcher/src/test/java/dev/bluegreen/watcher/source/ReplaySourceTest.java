package dev.bluegreen.watcher.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bluegreen.watcher.Outlet;
import dev.bluegreen.watcher.Pipeline;
import dev.bluegreen.watcher.Settings;
import dev.bluegreen.watcher.UnreadableFile;
import dev.bluegreen.watcher.WatcherConfig;
import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.LineRef;
import dev.bluegreen.watcher.source.ReplaySource.ReplayException;
import dev.bluegreen.watcher.time.FakeTiming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTest {

  private static final InputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

  @TempDir Path dir;

  private final List<Alert> alerts = new ArrayList<>();
  private Pipeline pipeline;
  private int afterReads;

  @BeforeEach
  void newPipeline() {
    WatcherConfig config = WatcherConfig.load(new Settings(Map.of(), Map.of()));
    pipeline = new Pipeline(config, new FakeTiming(), Outlet.of(alerts::add));
  }

  // ---- reading --------------------------------------------------------------------------------

  @Test
  void replaysSeveralFilesInOrder() throws IOException {
    Path first = write("access.log.2", line(1), line(2), "garbage in first", line(3));
    Path second = write("access.log.1", "garbage in second", line(4));
    Path third = write("access.log", line(5), line(6));

    replay(NO_STDIN, first, second, third);

    Pipeline.Stats stats = pipeline.stats();
    assertThat(stats.lines()).isEqualTo(8);
    assertThat(stats.malformed()).isEqualTo(2);
    assertThat(stats.parsed()).isEqualTo(6);
    // the first malformed line is the one in the file given first, numbered within its file
    assertThat(stats.firstMalformedAt()).isEqualTo(new LineRef(first.toString(), 3));
    assertThat(afterReads).isPositive();
  }

  @Test
  void orderOfTheFilesIsTheOrderGiven() throws IOException {
    Path first = write("a.log", line(1), line(2), "garbage in a");
    Path second = write("b.log", "garbage in b", line(3));

    replay(NO_STDIN, second, first);

    assertThat(pipeline.stats().lines()).isEqualTo(5);
    assertThat(pipeline.stats().firstMalformedAt()).isEqualTo(new LineRef(second.toString(), 1));
  }

  @Test
  void lineNumbersRestartInEachFile() throws IOException {
    Path first = write("a.log", line(1), line(2), line(3));
    Path second = write("b.log", line(4), "garbage");

    replay(NO_STDIN, first, second);

    assertThat(pipeline.stats().firstMalformedAt()).isEqualTo(new LineRef(second.toString(), 2));
  }

  @Test
  void gzipFileReadsLikeThePlainOne() throws IOException {
    String[] lines = {line(1), line(2), "not an access log line", line(3), "", line(4)};
    Path plain = write("access.log", lines);
    Path gz = writeGzip("access.log.1.gz", lines);

    replay(NO_STDIN, plain);
    Pipeline.Stats plainStats = pipeline.stats();
    newPipeline();
    replay(NO_STDIN, gz);
    Pipeline.Stats gzStats = pipeline.stats();

    assertThat(plainStats.lines()).isEqualTo(6);
    assertThat(plainStats.malformed()).isEqualTo(2);
    assertThat(gzStats.lines()).isEqualTo(plainStats.lines());
    assertThat(gzStats.malformed()).isEqualTo(plainStats.malformed());
    assertThat(gzStats.firstMalformed()).isEqualTo(plainStats.firstMalformed());
    assertThat(gzStats.firstMalformedAt()).isEqualTo(new LineRef(gz.toString(), 3));
  }

  @Test
  void largeGzipFileIsReadToTheEnd() throws IOException {
    String[] lines = new String[50_000];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = line(i);
    }
    Path gz = writeGzip("big.log.gz", lines);

    replay(NO_STDIN, gz);

    assertThat(pipeline.stats().lines()).isEqualTo(50_000);
    assertThat(pipeline.stats().malformed()).isZero();
  }

  @Test
  void plainAndGzipFilesMix() throws IOException {
    Path old = writeGzip("access.log.2.gz", line(1), line(2));
    Path recent = write("access.log.1", line(3));
    Path current = write("access.log", line(4), "garbage");

    replay(NO_STDIN, old, recent, current);

    assertThat(pipeline.stats().lines()).isEqualTo(5);
    assertThat(pipeline.stats().firstMalformedAt()).isEqualTo(new LineRef(current.toString(), 2));
  }

  @Test
  void dashReadsTheGivenStandardInputAndLeavesItOpen() {
    CloseRecordingStream stdin =
        new CloseRecordingStream(lines(line(1), "garbage", line(2), line(3)));

    new ReplaySource(stdin).replay(List.of("-"), pipeline, () -> afterReads++);

    assertThat(pipeline.stats().lines()).isEqualTo(4);
    assertThat(pipeline.stats().malformed()).isEqualTo(1);
    assertThat(pipeline.stats().firstMalformedAt()).isEqualTo(new LineRef("-", 2));
    assertThat(stdin.closed).isFalse();
  }

  @Test
  void dashMixesWithFiles() throws IOException {
    Path before = write("before.log", line(1));
    Path after = write("after.log", line(3), "garbage");
    InputStream stdin = new ByteArrayInputStream(lines(line(2)));

    new ReplaySource(stdin)
        .replay(List.of(before.toString(), "-", after.toString()), pipeline, () -> {});

    assertThat(pipeline.stats().lines()).isEqualTo(4);
    assertThat(pipeline.stats().firstMalformedAt()).isEqualTo(new LineRef(after.toString(), 2));
  }

  @Test
  void emptyFileHasNoLines() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.log"));

    replay(NO_STDIN, empty);

    assertThat(pipeline.stats().lines()).isZero();
  }

  // ---- files that cannot be read --------------------------------------------------------------

  @Test
  void missingFileIsReportedBeforeAnyLineIsRead() throws IOException {
    Path ok = write("ok.log", line(1), line(2));
    Path missing = dir.resolve("no-such.log");

    assertThatThrownBy(() -> replay(NO_STDIN, ok, missing))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("no such file");
    assertThat(pipeline.stats().lines()).isZero();
  }

  @Test
  void directoryIsReportedBeforeAnyLineIsRead() throws IOException {
    Path ok = write("ok.log", line(1));
    Path sub = Files.createDirectory(dir.resolve("logs"));

    assertThatThrownBy(() -> replay(NO_STDIN, ok, sub))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining(sub.toString())
        .hasMessageContaining("directory");
    assertThat(pipeline.stats().lines()).isZero();
  }

  @Test
  void standardInputIsNotReadWhenALaterFileIsMissing() {
    ByteArrayInputStream stdin = new ByteArrayInputStream(lines(line(1)));
    Path missing = dir.resolve("missing.log.gz");

    assertThatThrownBy(
            () ->
                new ReplaySource(stdin)
                    .replay(List.of("-", missing.toString()), pipeline, () -> {}))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining(missing.toString());
    assertThat(pipeline.stats().lines()).isZero();
    assertThat(stdin.available()).isPositive();
  }

  @Test
  void checkReadableAcceptsFilesAndDash() throws IOException {
    Path ok = write("ok.log", line(1));
    Path gz = writeGzip("ok.log.gz", line(1));

    new ReplaySource(NO_STDIN).checkReadable(List.of(ok.toString(), "-", gz.toString()));
  }

  @Test
  void unreadableFileIsReportedBeforeAnyLineIsRead() throws IOException {
    Path ok = write("ok.log", line(1));
    Path locked = UnreadableFile.in(dir, "locked.log", line(2));

    assertThatThrownBy(() -> replay(NO_STDIN, ok, locked))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining(locked.toString())
        .hasMessageContaining("permission denied");
    assertThat(pipeline.stats().lines()).isZero();
  }

  @Test
  void fileThatIsNotGzipButNamedGzIsAReplayException() throws IOException {
    Path fake = write("access.log.1.gz", line(1), line(2));

    assertReplayFails(fake);
  }

  @Test
  void emptyGzFileIsAReplayException() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.log.gz"));

    assertReplayFails(empty);
  }

  @Test
  void truncatedGzipIsAReplayException() throws IOException {
    byte[] gz = gzip(lines(line(1), line(2), line(3)));
    for (int keep : new int[] {5, 10, gz.length / 2, gz.length - 4, gz.length - 1}) {
      newPipeline();
      Path truncated = dir.resolve("truncated-" + keep + ".log.gz");
      Files.write(truncated, Arrays.copyOf(gz, keep));

      assertReplayFails(truncated);
    }
  }

  @Test
  void gzipWithCorruptDataIsAReplayException() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      text.append(line(i)).append('\n');
    }
    byte[] gz = gzip(text.toString().getBytes(UTF_8));
    for (int at : new int[] {12, 20, gz.length / 3, gz.length / 2, gz.length - 6}) {
      newPipeline();
      byte[] corrupt = gz.clone();
      for (int i = at; i < at + 4; i++) {
        corrupt[i] = (byte) ~corrupt[i];
      }
      Path file = dir.resolve("corrupt-" + at + ".log.gz");
      Files.write(file, corrupt);

      assertReplayFails(file);
    }
  }

  @Test
  void gzipCorruptAfterEarlierFilesStillNamesTheBadFile() throws IOException {
    Path ok = write("ok.log", line(1));
    Path bad = write("bad.log.gz", "plain text, not gzip");

    assertThatThrownBy(() -> replay(NO_STDIN, ok, bad))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining(bad.toString());
  }

  // ---- helpers --------------------------------------------------------------------------------

  private void assertReplayFails(Path file) {
    assertThatThrownBy(() -> replay(NO_STDIN, file))
        .as("replaying %s", file.getFileName())
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining(file.toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotEndWith("null").doesNotContain("\n"));
  }

  private void replay(InputStream stdin, Path... files) {
    List<String> names = Arrays.stream(files).map(Path::toString).toList();
    new ReplaySource(stdin).replay(names, pipeline, () -> afterReads++);
  }

  private static String line(int n) {
    return "127.0.0.1 - - [01/Nov/2026:10:00:00 +0000] \"GET /version HTTP/1.1\" status=200"
        + " body_bytes=57 pool=blue release=v1-blue upstream_status=200"
        + " upstream_addr=10.0.0.2:3000 request_time=0.004 upstream_response_time=0.004"
        + " request_id=req-"
        + n;
  }

  private static byte[] lines(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(UTF_8);
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), lines(lines));
  }

  private Path writeGzip(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), gzip(lines(lines)));
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static final class CloseRecordingStream extends ByteArrayInputStream {
    boolean closed;

    CloseRecordingStream(byte[] data) {
      super(data);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
