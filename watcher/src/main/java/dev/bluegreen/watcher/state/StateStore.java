package dev.bluegreen.watcher.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link WatcherState} in one JSON file, replaced atomically (written to a temp file beside
 * it, flushed to disk, renamed over it), so a crash at any moment leaves the old or the new state,
 * never half of one.
 */
public final class StateStore {
  private static final Logger log = LoggerFactory.getLogger(StateStore.class);

  private final Path file;

  public StateStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /**
   * The saved state, or empty when there is none. A file that cannot be read as state is moved
   * aside (to {@code .corrupt}) and said so: the watcher starts fresh rather than not at all.
   */
  public Optional<WatcherState> load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException none) {
      return Optional.empty();
    } catch (IOException e) {
      log.warn("cannot read the state file {}: {}; starting without it", file, e.toString());
      return Optional.empty();
    }
    try {
      WatcherState state = StateJson.read(bytes);
      if (state.version() != WatcherState.VERSION || state.detectors() == null) {
        throw new IOException("unknown state version " + state.version());
      }
      return Optional.of(state);
    } catch (IOException e) {
      Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
      log.warn(
          "the state file {} is not valid ({}); moved it to {} and starting without it",
          file,
          e.getMessage().lines().findFirst().orElse(""),
          aside);
      try {
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException moveFailed) {
        log.warn("could not move {} aside: {}", file, moveFailed.toString());
      }
      return Optional.empty();
    }
  }

  /** Replaces the saved state; throws if it could not be written. */
  public void save(WatcherState state) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + file.getFileName() + ".tmp");
    try {
      write(temp, state);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp); // a partial temp file must not outlive the failed save
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private void write(Path temp, WatcherState state) throws IOException {
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(java.nio.ByteBuffer.wrap(StateJson.write(state)));
      out.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
