package dev.bluegreen.demo;

/** The app's failure switch: off, every request answers 500, hangs, or answers late. */
final class Chaos {
  /** What the app does to ordinary requests. */
  enum Mode {
    OFF,
    ERROR,
    TIMEOUT,
    SLOW
  }

  /** The switch at one moment: the mode and, in slow mode, how late requests answer. */
  record State(Mode mode, long slowMillis) {
    String name() {
      return mode.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private State state = new State(Mode.OFF, 0);

  synchronized State state() {
    return state;
  }

  synchronized void start(ChaosCommand command) {
    state = new State(command.mode(), command.slowMillis());
  }

  synchronized void stop() {
    state = new State(Mode.OFF, 0);
  }
}
