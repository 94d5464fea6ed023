package dev.bluegreen.watcher.time;

/**
 * {@link Timing#SYSTEM}, for a test's timing that changes one part of it (records its sleeps, fails
 * once) and keeps the real clock for the rest.
 */
public class SystemTiming implements Timing {
  @Override
  public long nanoTime() {
    return Timing.SYSTEM.nanoTime();
  }

  @Override
  public long millis() {
    return Timing.SYSTEM.millis();
  }

  @Override
  public void sleep(long nanos) throws InterruptedException {
    Timing.SYSTEM.sleep(nanos);
  }

  @Override
  public double random() {
    return Timing.SYSTEM.random();
  }
}
