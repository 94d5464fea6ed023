package dev.bluegreen.watcher.source;

import static dev.bluegreen.watcher.source.LogLines.append;
import static dev.bluegreen.watcher.source.LogLines.numbered;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading one followed file, step by step on the test thread: no follower thread, no timing. */
class FollowedFileTest {
  @TempDir Path dir;

  private final RecordingSink sink = new RecordingSink();

  @Test
  void contentReplacedBetweenTheRotationCheckAndTheReadIsNotHandedOn() throws IOException {
    Path log = dir.resolve("access.log");
    append(log, numbered("a ", 0, 10));
    FollowedFile file = follow(log);
    file.readAvailable(() -> false);
    assertThat(RotationCheck.decide(file.facts(log, 0)))
        .isEqualTo(RotationCheck.Verdict.KEEP_READING);

    // copytruncate lands right after the check, and the log grows past the offset before the read
    Files.copy(log, dir.resolve("access.log.1"));
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
      channel.truncate(0);
    }
    append(log, numbered("b ", 0, 30));
    long consumed = file.readAvailable(() -> false);

    assertThat(consumed).isZero();
    assertThat(sink.lines()).isEqualTo(numbered("a ", 0, 10));
    assertThat(RotationCheck.decide(file.facts(log, 0))).isEqualTo(RotationCheck.Verdict.TRUNCATED);
  }

  @Test
  void linesAppendedAfterTheCheckAreReadAsUsual() throws IOException {
    Path log = dir.resolve("access.log");
    append(log, numbered("a ", 0, 10));
    FollowedFile file = follow(log);
    file.readAvailable(() -> false);
    RotationCheck.decide(file.facts(log, 0));

    append(log, numbered("a ", 10, 20));
    file.readAvailable(() -> false);

    assertThat(sink.lines()).isEqualTo(numbered("a ", 0, 20));
  }

  private FollowedFile follow(Path log) throws IOException {
    return new FollowedFile(OpenLogFile.open(log), 0, sink, ByteBuffer.allocate(1 << 20), 0);
  }
}
