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
 * ({@code checkpointedAt}), with the days done for good ({@code checkpoint}); a replay cut by a stop or a crash is
 * resumed from there when archive-service starts again ({@code resumed} counts how often).
 *
 * @param symbols      empty: every symbol
 * @param batchesTotal envelopes the replay found in its range; null until they are counted
 * @param bars         bars in the batches the validator acknowledged
 * @param records      records (bars and order books) in the batches the validator acknowledged
 * @param instance     the archive-service process ({@code host-pid}) that runs or ran the replay
 * @param resumed      how often the replay was resumed after its process stopped
 * @param checkpoint   the day folders done for good and their counts (null until the first checkpoint)
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
        String progressStorage,
        int resumed,
        ReplayCheckpoint checkpoint) {

    /** Where the counters of a running replay are kept between checkpoints. */
    public static final String MEMORY = "memory";

    public enum State {
        /** Re-sending. */
        RUNNING,
        /** Every batch found was acknowledged. */
        SUCCEEDED,
        /** Finished, but at least one batch could not be sent (unreadable, refused), or it gave up on one. */
        FAILED,
        /** Another replay was resumed in its place (one replay at a time); start it again (a replay is idempotent). */
        LOST
    }

    /** This status as a {@code LOST} replay: it will not be resumed. */
    public ReplayStatus lost(String reason, Instant now) {
        return new ReplayStatus(id, State.LOST, from, to, dataTypes, symbols, batchesTotal, batchesSent, batchesFailed,
                bars, records, reason, startedAt, now, checkpointedAt, instance, progressStorage, resumed, checkpoint);
    }
}
