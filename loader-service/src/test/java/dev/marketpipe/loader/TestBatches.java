package dev.marketpipe.loader;

import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.SourceRole;
import dev.marketpipe.wire.ValidatedBatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds the test batches: KRX-like 1-minute bars with tick-sized prices, unique symbols per test. */
public final class TestBatches {

    private TestBatches() {
    }

    /** A symbol no other test uses, also against a reused external test database. */
    public static String uniqueSymbol() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** {@code n} consecutive bars of {@code interval} starting at {@code first}, distinct values per bar. */
    public static List<Bar> bars(String symbol, Instant first, BarInterval interval, int n) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long base = 75_000 + 100L * i;
            long volume = 1_000 + i;
            bars.add(new Bar(first.plus(interval.length().multipliedBy(i)), symbol, BigDecimal.valueOf(base),
                    BigDecimal.valueOf(base + 500), BigDecimal.valueOf(base - 200), BigDecimal.valueOf(base + 200),
                    volume, BigDecimal.valueOf((base + 200) * volume)));
        }
        return bars;
    }

    public static ValidatedBatch accepted(String symbol, BarInterval interval, List<Bar> bars) {
        return batch(UUID.randomUUID(), symbol, interval, bars, List.of(), List.of());
    }

    public static ValidatedBatch batch(UUID id, String symbol, BarInterval interval, List<Bar> accepted,
            List<QuarantinedBar> quarantined, List<QualityIssue> batchIssues) {
        return new ValidatedBatch(id, DataType.MARKET_DATA, symbol, interval, SourceRole.PRIMARY,
                "raw/2025/03/04/market_data_" + symbol + "_20250304_090000.json", Instant.parse("2025-03-04T00:01:00Z"),
                42, accepted.size() + quarantined.size(),
                accepted.stream().map(b -> new AcceptedBar(b, List.of())).toList(), quarantined, batchIssues,
                1.0);
    }

    public static ValidatedBatch withId(ValidatedBatch b, UUID id) {
        return new ValidatedBatch(id, b.dataType(), b.symbol(), b.interval(), b.source(), b.archiveRef(),
                b.fetchedAt(), b.apiLatencyMs(), b.recordsReceived(), b.accepted(), b.quarantined(), b.batchIssues(),
                b.qualityScore());
    }
}
