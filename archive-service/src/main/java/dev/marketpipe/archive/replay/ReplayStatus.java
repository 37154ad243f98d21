package dev.marketpipe.archive.replay;

import dev.marketpipe.wire.DataType;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A replay as {@code GET /v1/replays/{id}} shows it (CONTRACTS.md "Replay"). The counters of a running replay live in
 * memory ({@code progressStorage = "memory"}) and are written to the archive root every checkpoint interval
 * ({@code checkpointedAt}); after a restart a replay that was running is {@code LOST}, with the counters of its last
 * checkpoint.
 *
 * @param symbols      empty: every symbol
 * @param batchesTotal envelopes the replay found in its range; null until they are counted
 * @param bars         bars in the batches the validator acknowledged
 * @param records      records (bars and order books) in the batches the validator acknowledged
 * @param instance     the archive-service process ({@code host-pid}) that runs or ran the replay
 */
@RegisterForReflection
public record ReplayStatus(
        UUID id,
        State state,
        LocalDate from,
        LocalDate to,
        List<DataType> dataTypes,
        List<String> symbols,
        Integer batchesTotal,
        int batchesSent,
        int batchesFailed,
        long bars,
        long records,
        String lastError,
        Instant startedAt,
        Instant finishedAt,
        Instant checkpointedAt,
        String instance,
        String progressStorage) {

    /** Where the counters of a running replay are kept between checkpoints. */
    public static final String MEMORY = "memory";

    public enum State {
        /** Re-sending. */
        RUNNING,
        /** Every batch found was acknowledged. */
        SUCCEEDED,
        /** Finished, but at least one batch could not be sent (unreadable, refused), or it gave up on one. */
        FAILED,
        /** The process running it stopped before it finished; start it again (a replay is idempotent). */
        LOST
    }

    /** This status as a {@code LOST} replay: the process that ran it is gone. */
    public ReplayStatus lost(String reason, Instant now) {
        return new ReplayStatus(id, State.LOST, from, to, dataTypes, symbols, batchesTotal, batchesSent, batchesFailed,
                bars, records, reason, startedAt, now, checkpointedAt, instance, progressStorage);
    }
}
