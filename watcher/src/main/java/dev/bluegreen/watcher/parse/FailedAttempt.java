package dev.bluegreen.watcher.parse;

/**
 * One upstream attempt that answered 5xx, as Nginx logged it: {@code $upstream_status} and {@code
 * $upstream_addr} at the same position of their lists. Nginx logs its own upstream timeout as 504.
 *
 * @param address the upstream server tried ({@code 10.0.0.2:3000}), or {@code null} when not logged
 * @param status the status logged for that attempt
 */
public record FailedAttempt(String address, int status) {}
