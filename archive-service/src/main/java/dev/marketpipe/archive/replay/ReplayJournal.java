package dev.marketpipe.archive.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.disk.DurableFiles;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The durable side of replays: one file {@code <root>/replays/<id>.json} per replay, holding its last
 * {@link ReplayStatus} — written at the start, at each checkpoint and at the end. It is how a replay that was
 * running when its process died is reported {@code LOST} instead of vanishing, and how a finished replay is still
 * found after a restart.
 */
final class ReplayJournal {

    private static final Logger LOG = Logger.getLogger(ReplayJournal.class);

    private final Path base;
    private final Path dir;
    private final ObjectMapper mapper;

    ReplayJournal(Path base, ObjectMapper mapper) {
        this.base = base;
        this.dir = base.resolve("replays");
        this.mapper = mapper;
    }

    /**
     * Creates the folder and marks {@code LOST} every replay still {@code RUNNING} that {@code ranHere} says this
     * process's predecessor ran (the same host): it died with the process. Returns how many.
     */
    int open(Predicate<ReplayStatus> ranHere, String reason, Instant now) throws IOException {
        DurableFiles.createDirectories(base, dir);
        int lost = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                ReplayStatus status;
                try {
                    status = mapper.readValue(Files.readAllBytes(file), ReplayStatus.class);
                } catch (IOException e) {
                    LOG.warnf("replay journal %s is not readable (%s); left as it is", file, e.getMessage());
                    continue;
                }
                if (status.state() == ReplayStatus.State.RUNNING && ranHere.test(status)) {
                    write(status.lost(reason, now));
                    lost++;
                }
            }
        }
        return lost;
    }

    void write(ReplayStatus status) throws IOException {
        DurableFiles.createDirectories(base, dir);
        DurableFiles.replace(dir.resolve(status.id() + ".json"), mapper.writeValueAsBytes(status));
    }

    Optional<ReplayStatus> read(UUID id) throws IOException {
        try {
            return Optional.of(mapper.readValue(Files.readAllBytes(dir.resolve(id + ".json")), ReplayStatus.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
