package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.source.LogFollower;
import dev.bluegreen.watcher.time.Timing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar: 20 rotations, rename and copytruncate alternating, while a writer appends 5,000
 * lines/s. Every line written is read exactly once (lines read = lines written) and none is cut or
 * glued to another (no malformed line).
 */
class RotationUnderLoadTest {
  private static final int ROTATIONS = 20;
  private static final int LINES_PER_TICK = 25; // every 5 ms: 5,000 lines/s

  @TempDir Path dir;

  @Test
  void twentyRotationsUnderContinuousWritingLoseAndRepeatNothing() throws Exception {
    Path log = dir.resolve("access.log");
    Files.createFile(log);
    WatcherConfig config = WatcherConfig.load(new Settings(Map.of(), Map.of()));
    LiveConfig live =
        new LiveConfig(
            log, LogFollower.Start.END, dir.resolve("state.json"), "127.0.0.1", 0, false);
    RecordingOutlet outlet = new RecordingOutlet();
    try (NginxLikeWriter writer = new NginxLikeWriter(log);
        LiveWatcher watcher = new Watcher(config, Timing.SYSTEM).follow(live, outlet)) {
      watcher.start();
      Await.until("the watcher to open the log", () -> watcher.status().following());

      AtomicBoolean writing = new AtomicBoolean(true);
      Thread load =
          new Thread(
              () -> {
                long next = System.nanoTime();
                while (writing.get()) {
                  try {
                    writer.write(LINES_PER_TICK);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  next += 5_000_000;
                  long wait = next - System.nanoTime();
                  if (wait > 0) {
                    try {
                      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                }
              },
              "nginx-like-writer");
      load.start();

      for (int i = 1; i <= ROTATIONS; i++) {
        Thread.sleep(100); // let lines accumulate in the current file
        if (i % 2 == 1) {
          writer.renameTo(dir.resolve("access.log." + i), 10);
        } else {
          writer.copyTruncate(dir.resolve("access.log." + i));
        }
        int done = i;
        Await.until(
            "rotation " + i + " to be followed", () -> watcher.status().rotations() >= done);
      }
      Thread.sleep(100);
      writing.set(false);
      load.join();

      long written = writer.written();
      Await.until(
          written + " lines",
          () -> watcher.status().lines() >= written,
          () -> "read " + watcher.status().lines());
      Thread.sleep(200); // anything read twice would show up now

      assertThat(written).isGreaterThan(ROTATIONS * 100L);
      assertThat(watcher.status().lines()).isEqualTo(written);
      assertThat(watcher.status().malformed()).isZero();
      assertThat(watcher.status().rotations()).isEqualTo(ROTATIONS);
    }
  }
}
