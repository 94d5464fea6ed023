package dev.bluegreen.watcher.health;

import dev.bluegreen.watcher.notify.SinkHealth;
import dev.bluegreen.watcher.source.LogAccess;
import java.util.List;

/**
 * What the health is judged from, gathered at one moment from the follower, the parser, the
 * checkpointer and delivery.
 *
 * @param log the followed log's path
 * @param access whether the log can be read now
 * @param accessError why not, in words, or {@code null}
 * @param malformedRun malformed lines since the last line that parsed
 * @param parsed lines that parsed since start
 * @param malformedExample the first line of the run: where, why, and its text; {@code null} if none
 * @param stateError why the last save of the state file failed, or {@code null} if it succeeded
 * @param sinks each alert sink's delivery health
 */
public record HealthFacts(
    String log,
    LogAccess access,
    String accessError,
    long malformedRun,
    long parsed,
    String malformedExample,
    String stateError,
    List<SinkHealth> sinks) {}
