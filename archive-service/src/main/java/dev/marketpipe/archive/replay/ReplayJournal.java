package dev.marketpipe.archive.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.disk.DurableFiles;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable side of replays: one file {@code <root>/replays/<id>.json} per replay, holding its last
 * {@link ReplayStatus} — written at the start, at each checkpoint and at the end. It is how a replay that was
 * running when its process stopped or died is resumed, and how a finished replay is still found after a restart.
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

    /** Creates the folder and returns every replay it says is still {@code RUNNING}. */
    List<ReplayStatus> open() throws IOException {
        DurableFiles.createDirectories(base, dir);
        return all().stream().filter(status -> status.state() == ReplayStatus.State.RUNNING).toList();
    }

    /** Every replay the folder holds, as last recorded (an unreadable file is logged and left out). */
    List<ReplayStatus> all() throws IOException {
        List<ReplayStatus> replays = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return replays;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                try {
                    replays.add(mapper.readValue(Files.readAllBytes(file), ReplayStatus.class));
                } catch (IOException e) {
                    LOG.warnf("replay journal %s is not readable (%s); left as it is", file, e.getMessage());
                }
            }
        }
        return replays;
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
