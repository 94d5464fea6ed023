package dev.bluegreen.watcher.source;

/**
 * How far the watcher has read: which file, and the byte offset just after the last complete line
 * it handled. Saved in the state file.
 */
public record LogPosition(FileIdentity identity, long offset) {}
