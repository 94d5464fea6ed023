package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the follower waits while the log is quiet: until something in the log's directory changes
 * (inotify on Linux, through the JDK's WatchService), another thread wakes it, or the safety poll
 * passes. An idle watcher then costs nothing between events, instead of a check every few
 * milliseconds. The safety poll stays the upper bound where no events come: file systems without
 * notifications (NFS, some mounts), a directory not there yet, or {@link #polling} on purpose.
 */
public final class ChangeSignal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChangeSignal.class);

  private final Path dir;
  private final Timing timing;
  private final boolean notifications;
  private final Object lock = new Object();
  private boolean signalled; // guarded by lock
  private volatile boolean closed;
  private WatchService service; // guarded by lock
  private volatile Thread watcher;

  private ChangeSignal(Path log, Timing timing, boolean notifications) {
    this.dir = log.toAbsolutePath().getParent();
    this.timing = timing;
    this.notifications = notifications;
  }

  /** Woken by changes in {@code log}'s directory (when the file system tells), or by a caller. */
  public static ChangeSignal notified(Path log, Timing timing) {
    return new ChangeSignal(log, timing, true);
  }

  /** Plain sleeps on {@code timing}: every wait lasts its whole time unless woken by a caller. */
  public static ChangeSignal polling(Path log, Timing timing) {
    return new ChangeSignal(log, timing, false);
  }

  /**
   * Returns when something changed since the last call, {@code max} passed, or at once when woken
   * or closed. The follower's thread only.
   */
  void await(Duration max) throws InterruptedException {
    if (closed) {
      return;
    }
    if (!watching()) {
      if (!takeSignal()) {
        timing.sleep(max.toNanos());
      }
      return;
    }
    synchronized (lock) {
      if (!signalled && !closed) {
        lock.wait(Math.max(1, max.toMillis()));
      }
      signalled = false;
    }
  }

  /**
   * Starts watching, if it can, before the follower first reads: a change between that read and the
   * first wait must not go unnoticed. The follower's thread only.
   */
  void watch() {
    watching();
  }

  /** Makes the follower's current or next wait return at once; any thread. */
  public void wake() {
    synchronized (lock) {
      signalled = true;
      lock.notifyAll();
    }
  }

  private boolean takeSignal() {
    synchronized (lock) {
      boolean was = signalled;
      signalled = false;
      return was;
    }
  }

  /** Whether changes are signalled: starts watching once the directory is there. */
  private boolean watching() {
    if (!notifications || closed) {
      return false;
    }
    if (watcher != null) {
      return watcher.isAlive();
    }
    try {
      WatchService opened = FileSystems.getDefault().newWatchService();
      WatchKey key =
          dir.register(
              opened,
              StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_DELETE);
      synchronized (lock) {
        service = opened;
      }
      watcher = new Thread(() -> relay(opened, key), "log-change-signal");
      watcher.setDaemon(true);
      watcher.start();
      return true;
    } catch (NoSuchFileException missing) {
      return false; // the directory may appear later: tried again at the next wait
    } catch (IOException | UnsupportedOperationException e) {
      log.info("no change notifications for {} ({}); polling only", dir, e.toString());
      return false;
    }
  }

  /** The relay thread: each batch of directory events wakes the follower once. */
  private void relay(WatchService opened, WatchKey key) {
    try {
      while (!closed) {
        WatchKey changed = opened.take();
        changed.pollEvents(); // what changed does not matter: the follower looks for itself
        wake();
        if (!changed.reset()) {
          log.info("{} is gone; polling until it is back", dir);
          return; // the directory was deleted: watching() starts again once it is back
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException stopping) {
      // closed
    } finally {
      if (!closed) {
        synchronized (lock) {
          watcher = null;
        }
        key.cancel();
        closeQuietly(opened);
      }
    }
  }

  /** Stops watching; a wait in progress returns at once. Any thread. */
  @Override
  public void close() {
    closed = true;
    synchronized (lock) {
      closeQuietly(service);
      lock.notifyAll();
    }
  }

  private static void closeQuietly(WatchService service) {
    if (service == null) {
      return;
    }
    try {
      service.close();
    } catch (IOException e) {
      log.debug("closing the watch service: {}", e.toString());
    }
  }
}
