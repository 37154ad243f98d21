package dev.marketpipe.console.client;

import java.util.List;

/** The body of {@code POST /v1/backfills} and {@code POST /v1/gapfills}. */
public record JobRequest(List<String> symbols, String interval, String from, String to) {
}
