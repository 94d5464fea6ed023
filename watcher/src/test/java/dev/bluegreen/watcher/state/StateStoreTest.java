package dev.bluegreen.watcher.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.source.FileIdentity;
import dev.bluegreen.watcher.source.LogPosition;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file on a real disk that fills up: a failed save leaves the last state, nothing else.
 */
class StateStoreTest {
  @TempDir Path dir;

  private static WatcherState state(long offset) {
    Detectors detectors =
        new Detectors(200, 2.0, 50, 1000, 300_000, 30_000, "blue", false, a -> {});
    return new WatcherState(
        WatcherState.VERSION,
        "/var/log/nginx/access.log",
        new LogPosition(new FileIdentity("(dev=1,ino=2)", "fp"), offset, offset / 100),
        "blue",
        false,
        detectors.state(),
        null);
  }

  @Test
  void aSaveOnAFullDiskRemovesItsTempFileAndKeepsTheLastState() throws Exception {
    Path disk = Files.createDirectory(dir.resolve("disk"));
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()),
        "a small tmpfs can be mounted (root, or a container allowed to)");
    try {
      StateStore store = new StateStore(disk.resolve("state.json"));
      store.save(state(1_000));
      fill(disk.resolve("filler"));

      assertThatThrownBy(() -> store.save(state(2_000)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("No space left on device");

      try (Stream<Path> files = Files.list(disk)) {
        assertThat(files.map(file -> file.getFileName().toString()))
            .containsExactlyInAnyOrder("state.json", "filler");
      }
      assertThat(store.load()).get().extracting(s -> s.position().offset()).isEqualTo(1_000L);
    } finally {
      run("umount", disk.toString());
    }
  }

  @Test
  void theLineNumberIsSavedWithThePosition() throws IOException {
    StateStore store = new StateStore(dir.resolve("state.json"));

    store.save(state(12_300));

    assertThat(store.load()).get().extracting(s -> s.position().line()).isEqualTo(123L);
    assertThat(Files.readString(store.file())).contains("\"line\" : 123");
  }

  private static void fill(Path file) {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(file)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      // the disk is full
    }
  }

  private static boolean run(String... command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor() == 0;
    } catch (IOException notThere) {
      return false;
    }
  }
}
