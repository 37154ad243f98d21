package dev.marketpipe.archive.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.disk.DurableFiles;
import dev.marketpipe.wire.DataType;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The archive's index of batches (architecture: "an index of what was archived"), as small marker files, each
 * replaced atomically (temp, fsync, rename, fsync):
 *
 * <ul>
 *   <li>the reservation, a {@code PENDING} marker, in the batch's day: {@code index/days/YYYY/MM/DD/}{@link DayKey};
 *       written once when the intake starts, so a day's batches can be listed without looking at other days;</li>
 *   <li>the completion, a {@code COMPLETE} marker, under the batch id: {@code index/<first two hex digits>/<batchId>.json},
 *       so a receipt is found by id alone ({@code GET /v1/batches/{id}}, the duplicate check). The two-digit
 *       fan-out keeps folders small over years of batches.</li>
 * </ul>
 *
 * An intake thus writes two markers: the reservation is not replaced by the completion, it stays as the day's
 * entry. A batch whose reservation has no completion is an intake that has not finished (or crashed and was not
 * retried).
 */
public final class BatchIndex {

    private final Path dir;
    private final Path days;
    private final ObjectMapper mapper;

    public BatchIndex(Path dir, ObjectMapper mapper) {
        this.dir = dir;
        this.days = dir.resolve("days");
        this.mapper = mapper;
    }

    /** The completion of {@code batchId}. */
    public Optional<BatchMarker> find(UUID batchId) throws IOException {
        return read(idPath(batchId));
    }

    /**
     * What the intake of {@code fresh} (a reservation not yet written) finds: the completion of its batch id, else
     * the reservation a crashed attempt left in the batch's day.
     */
    public Optional<BatchMarker> find(BatchMarker fresh) throws IOException {
        Optional<BatchMarker> completion = find(fresh.batchId()).filter(BatchMarker::isComplete);
        return completion.isPresent() ? completion : reservation(DayKey.of(fresh));
    }

    /** The reservation (day entry) at {@code key}. */
    public Optional<BatchMarker> reservation(DayKey key) throws IOException {
        return read(dayPath(key));
    }

    /** Durably writes the reservation of a batch into its day. */
    public void reserve(BatchMarker pending) throws IOException {
        if (pending.isComplete()) {
            throw new IllegalArgumentException("a reservation is a PENDING marker");
        }
        write(dayPath(DayKey.of(pending)), pending);
    }

    /** Durably records that the intake of a batch finished (its receipt). */
    public void complete(BatchMarker complete) throws IOException {
        if (!complete.isComplete()) {
            throw new IllegalArgumentException("a completion is a COMPLETE marker");
        }
        write(idPath(complete.batchId()), complete);
    }

    /** The day entries of {@code date}, optionally of one data type and/or one symbol, in {@link DayKey#ORDER}. */
    public List<DayKey> day(LocalDate date, DataType dataType, String symbol) throws IOException {
        Path folder = days.resolve(DayKey.folder(date));
        List<DayKey> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, DayKey.glob(dataType, symbol))) {
            for (Path file : files) {
                DayKey.parse(date, file.getFileName().toString()).ifPresent(keys::add);
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of(); // nothing archived that day
        }
        keys.sort(DayKey.ORDER);
        return keys;
    }

    private Optional<BatchMarker> read(Path file) throws IOException {
        try {
            return Optional.of(mapper.readValue(Files.readAllBytes(file), BatchMarker.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private void write(Path file, BatchMarker marker) throws IOException {
        DurableFiles.createDirectories(dir, file.getParent());
        DurableFiles.replace(file, mapper.writeValueAsBytes(marker));
    }

    private Path idPath(UUID batchId) {
        String id = batchId.toString();
        return dir.resolve(id.substring(0, 2)).resolve(id + ".json");
    }

    private Path dayPath(DayKey key) {
        return days.resolve(DayKey.folder(key.date())).resolve(key.fileName());
    }
}
