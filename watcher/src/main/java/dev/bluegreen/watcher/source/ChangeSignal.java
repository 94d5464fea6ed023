package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
  private static final Logger LOG = LoggerFactory.getLogger(ChangeSignal.class);

  /**
   * File systems whose change notifications cover every write (Linux's names): on others a quiet
   * log is looked at every poll, as where there are no notifications at all.
   */
  private static final Set<String> LOCAL_FILE_SYSTEMS =
      Set.of(
          "ext2",
          "ext3",
          "ext4",
          "xfs",
          "btrfs",
          "zfs",
          "f2fs",
          "jfs",
          "bcachefs",
          "tmpfs",
          "ramfs",
          "overlay");

  private final Path log;
  private final Path dir;
  private final Timing timing;
  private final boolean notifications;
  private final Object lock = new Object();
  private boolean signalled; // guarded by lock
  private volatile boolean closed;
  private final AtomicLong announced = new AtomicLong();
  private WatchService service; // guarded by lock
  private WatchKey key; // the follower's thread only
  private boolean unavailable; // the follower's thread only
  private boolean checkedFileSystem; // the follower's thread only
  private boolean localFileSystem; // the follower's thread only, once watched
  private boolean symbolicLink; // the follower's thread only, as of the last watch()

  private ChangeSignal(Path log, Timing timing, boolean notifications) {
    this.log = log.toAbsolutePath();
    this.dir = this.log.getParent();
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
   * Returns when something changed since {@link #watch()}, {@code max} passed, or at once when
   * woken or closed; false when it was {@code max} (or the wait was not watched: see {@link
   * #trusted()}). The follower's thread only.
   */
  boolean await(Duration max) throws InterruptedException {
    if (closed) {
      return true;
    }
    if (key == null || !key.isValid()) {
      watch(); // the directory may be back: changes from now on are signalled
      if (takeSignal()) {
        return true;
      }
      timing.sleep(max.toNanos());
      return false;
    }
    synchronized (lock) {
      boolean woken = signalled;
      if (!woken && !closed) {
        lock.wait(Math.max(1, max.toMillis()));
        woken = signalled;
      }
      signalled = false;
      return woken || closed;
    }
  }

  /**
   * Whether a wait that ended at its time limit means that nothing changed in the log's directory:
   * the directory is watched, on a local file system (NFS, SMB, FUSE and the like do not tell of
   * other machines' writes), and the log is not a symbolic link (writes through it are announced in
   * its target's directory). The follower's thread only.
   */
  boolean trusted() {
    return key != null && key.isValid() && localFileSystem && !symbolicLink;
  }

  /**
   * Starts signalling changes, if it can and is not already: call it before the read that the next
   * {@link #await} follows, so no change between the two goes unnoticed. The follower's thread.
   */
  void watch() {
    if (!notifications || unavailable || closed || (key != null && key.isValid())) {
      return;
    }
    try {
      WatchService opened;
      synchronized (lock) {
        if (service == null) {
          service = FileSystems.getDefault().newWatchService();
          Thread relay = new Thread(this::relay, "log-change-signal");
          relay.setDaemon(true);
          relay.start();
        }
        opened = service;
      }
      key =
          dir.register(
              opened,
              StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_DELETE);
      if (!checkedFileSystem) {
        checkedFileSystem = true;
        localFileSystem = isLocal(dir);
      }
      symbolicLink = Files.isSymbolicLink(log);
    } catch (NoSuchFileException | ClosedWatchServiceException missingOrClosed) {
      key = null; // a missing directory may appear later: tried again at the next wait
    } catch (IOException | UnsupportedOperationException e) {
      LOG.info("no change notifications for {} ({}); polling only", dir, e.toString());
      unavailable = true;
    }
  }

  private static boolean isLocal(Path dir) {
    try {
      return LOCAL_FILE_SYSTEMS.contains(Files.getFileStore(dir).type());
    } catch (IOException | RuntimeException e) {
      return false; // as if remote: the quiet log is looked at every poll
    }
  }

  /**
   * Stops signalling while the log is busy: the follower reads again anyway, and a notification per
   * line Nginx writes would cost more than the reads. The follower's thread only.
   */
  void pause() {
    if (key != null) {
      key.cancel();
      key = null;
    }
  }

  /**
   * How many batches of directory events woke the follower so far; any thread. A busy log adds none
   * once its first lines were read: it is polled with notifications paused ({@link #pause()}),
   * since one per line Nginx writes would cost more than the reads.
   */
  long announced() {
    return announced.get();
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

  /** The relay thread: each batch of directory events wakes the follower once. */
  private void relay() {
    WatchService events;
    synchronized (lock) {
      events = service;
    }
    try {
      while (!closed) {
        WatchKey changed = events.take();
        changed.pollEvents(); // what changed does not matter: the follower looks for itself
        announced.incrementAndGet();
        wake();
        changed.reset(); // false once cancelled (paused) or the directory is gone: watch() again
      }
    } catch (InterruptedException | ClosedWatchServiceException stopping) {
      // closed
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
      LOG.debug("closing the watch service: {}", e.toString());
    }
  }
}
