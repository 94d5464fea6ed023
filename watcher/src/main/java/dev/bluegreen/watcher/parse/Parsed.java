package dev.bluegreen.watcher.parse;

/** The outcome of parsing one line: an {@link AccessEvent} or a {@link Malformed} reason. */
public sealed interface Parsed permits AccessEvent, Malformed {}
