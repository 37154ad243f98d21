package dev.marketpipe.collector.job;

/**
 * Where a collection job stands. {@code FAILED}: finished, but at least one window failed after all retries (see
 * {@code lastError}); {@code CANCELLED}: stopped on request, windows already collected stay collected.
 */
public enum JobState { RUNNING, SUCCEEDED, FAILED, CANCELLED }
