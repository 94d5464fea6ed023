package dev.bluegreen.watcher.health;

/**
 * One problem the watcher has now.
 *
 * @param code what kind of problem
 * @param sinceMillis wall-clock epoch millis when it began
 * @param detail what exactly, for a person: the path, the error, the sink
 */
public record Problem(ProblemCode code, long sinceMillis, String detail) {}
