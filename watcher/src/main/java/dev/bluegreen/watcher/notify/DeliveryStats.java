package dev.bluegreen.watcher.notify;

/**
 * Delivery counts since start, summed over the sinks (one alert to two sinks counts twice).
 *
 * @param sent messages a sink accepted
 * @param failed messages a sink rejected for good
 * @param dropped messages lost: pushed out of a full outbox or left at shutdown without a state
 *     file (superseded ones are told by a newer message or a summary, not counted)
 * @param retries failed attempts, each to be tried again
 * @param queued messages waiting now
 */
public record DeliveryStats(long sent, long failed, long dropped, long retries, long queued) {}
