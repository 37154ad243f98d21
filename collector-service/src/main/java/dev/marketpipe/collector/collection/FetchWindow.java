package dev.marketpipe.collector.collection;

import dev.marketpipe.wire.BarInterval;

import java.time.Instant;

/**
 * One request's worth of bars for one symbol: what to ask the API ({@code startParam}/{@code endParam}, as the
 * API takes them) and which bar starts the answer should cover ({@code [windowStart, windowEnd)}).
 */
public record FetchWindow(String symbol, BarInterval interval, String startParam, String endParam,
        Instant windowStart, Instant windowEnd) {
}
