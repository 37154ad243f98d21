package dev.marketpipe.archive.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.disk.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The archive's index of batch ids (architecture: "an index of what was archived"): one small marker file per
 * batch, {@code index/<first two hex digits>/<batchId>.json}, replaced atomically (temp, fsync, rename, fsync)
 * at each step of the intake. The two-digit fan-out keeps folders small over years of batches.
 */
public final class BatchIndex {

    private final Path dir;
    private final ObjectMapper mapper;

    public BatchIndex(Path dir, ObjectMapper mapper) {
        this.dir = dir;
        this.mapper = mapper;
    }

    public Optional<BatchMarker> find(UUID batchId) throws IOException {
        try {
            return Optional.of(mapper.readValue(Files.readAllBytes(pathOf(batchId)), BatchMarker.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Durably records {@code marker}, replacing the batch's previous marker. */
    public void put(BatchMarker marker) throws IOException {
        Path file = pathOf(marker.batchId());
        DurableFiles.createDirectories(dir, file.getParent());
        DurableFiles.replace(file, mapper.writeValueAsBytes(marker));
    }

    private Path pathOf(UUID batchId) {
        String id = batchId.toString();
        return dir.resolve(id.substring(0, 2)).resolve(id + ".json");
    }
}
