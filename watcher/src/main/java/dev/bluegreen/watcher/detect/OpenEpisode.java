package dev.bluegreen.watcher.detect;

/**
 * An episode people were told about and that has not recovered or resolved yet.
 *
 * @param kind what opened it: {@link AlertKind#FAILOVER} (or {@link AlertKind#FLAPPING} while the
 *     pools flap), {@link AlertKind#ERROR_RATE} or {@link AlertKind#LATENCY}
 * @param severity its severity as announced
 */
public record OpenEpisode(AlertKind kind, Severity severity) {}
