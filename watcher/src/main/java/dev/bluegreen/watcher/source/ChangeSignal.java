package dev.bluegreen.watcher.source;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the follower as soon as something in the log's directory changes (inotify on Linux), so a
 * new line is read at once instead of at the next poll. Polling stays the upper bound: where the
 * file system sends no events (NFS, some mounts), or the directory is missing, waiting is a plain
 * sleep.
 */
final class ChangeSignal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChangeSignal.class);

  private final Path dir;
  private WatchService service;
  private WatchKey key;
  private boolean unavailable;
  private volatile boolean closed;

  ChangeSignal(Path log) {
    this.dir = log.toAbsolutePath().getParent();
  }

  /**
   * Returns when the directory changed since the last call, after {@code max}, or at once when
   * closed. Called by one thread only.
   */
  void await(Duration max) throws InterruptedException {
    if (closed) {
      return;
    }
    if (!watching()) {
      Thread.sleep(max.toMillis());
      return;
    }
    try {
      WatchKey signalled = service.poll(max.toMillis(), TimeUnit.MILLISECONDS);
      if (signalled != null) {
        signalled.pollEvents(); // what changed does not matter: the follower looks for itself
        signalled.reset();
      }
    } catch (ClosedWatchServiceException stopping) {
      // closed while waiting: return at once
    }
  }

  /** Whether changes are signalled; (re)registers the directory when it is (back) there. */
  private synchronized boolean watching() {
    if (key != null && key.isValid()) {
      return true;
    }
    if (unavailable || closed) {
      return false;
    }
    try {
      if (service == null) {
        service = FileSystems.getDefault().newWatchService();
      }
      key =
          dir.register(
              service,
              StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_DELETE);
      return true;
    } catch (NoSuchFileException missing) {
      return false; // the directory may appear later; try again at the next wait
    } catch (ClosedWatchServiceException stopping) {
      return false;
    } catch (IOException | UnsupportedOperationException e) {
      log.info("no change notifications for {} ({}); polling only", dir, e.toString());
      unavailable = true;
      return false;
    }
  }

  /** Stops watching; a thread waiting in {@link #await} returns at once. Any thread may call it. */
  @Override
  public synchronized void close() {
    closed = true;
    if (service != null) {
      try {
        service.close();
      } catch (IOException e) {
        log.debug("closing the watch service: {}", e.toString());
      }
    }
  }
}
