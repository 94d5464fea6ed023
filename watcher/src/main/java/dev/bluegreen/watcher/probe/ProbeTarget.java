package dev.bluegreen.watcher.probe;

import java.net.URI;

/**
 * One pool's health URL, as PROBE_URLS names it ({@code green=http://green:3000/healthz}).
 *
 * @param pool the pool's name, as the access log writes it
 * @param url an http or https URL with a host
 */
public record ProbeTarget(String pool, URI url) {}
