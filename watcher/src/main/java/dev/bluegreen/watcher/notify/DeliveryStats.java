package dev.bluegreen.watcher.notify;

/**
 * Delivery counts since start, summed over the sinks (one alert to two sinks counts twice).
 *
 * @param sent messages a sink accepted
 * @param failed messages a sink rejected for good, or still failing when retries gave up
 * @param dropped messages pushed out of a full queue or left unsent at shutdown
 * @param retries attempts after a failed one
 * @param queued messages waiting now
 */
public record DeliveryStats(long sent, long failed, long dropped, long retries, long queued) {}
