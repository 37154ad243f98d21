package dev.marketpipe.archive.index;

import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * What a batch is, as the index keeps it: enough to list a day's batches ({@code GET /v1/batches}) without opening
 * an envelope.
 *
 * @param symbol null for data types without one (account data)
 */
@RegisterForReflection
public record BatchDescription(DataType dataType, String symbol, BarInterval interval, SourceRole source,
                               Instant windowStart, Instant windowEnd) {

    public static BatchDescription of(CollectedBatch batch) {
        return new BatchDescription(batch.dataType(), batch.symbol(), batch.interval(), batch.source(),
                batch.windowStart(), batch.windowEnd());
    }
}
