package dev.marketpipe.archive.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings an index written before the day index existed into the current layout, once, before the service takes
 * requests: then every marker lived under its batch id and a day could only be listed by reading all of them.
 *
 * <p>Each legacy marker gets its day entry (a reservation carrying what the batch is): data type, symbol and window
 * start come from the archive key's base name ({@code {data_type}_{symbol}_{YYYYMMDD}_{HHMMSS}}), interval, source
 * and window from the envelope's metadata when the envelope is still readable. A legacy {@code COMPLETE} marker
 * stays where it is — it is the batch's completion; a legacy {@code PENDING} one moves into its day (written
 * there, then removed under the id), as a reservation of this version would be. Every step can be repeated, so a
 * crash mid-way just means the next start does it again; a flag file marks the end. Replicas sharing the index
 * may migrate at the same time (they write the same entries); all replicas must run this version afterwards.
 */
public final class LegacyMarkerMigration {

    private static final Logger LOG = Logger.getLogger(LegacyMarkerMigration.class);
    private static final Pattern REST_OF_NAME = Pattern.compile("(?:(.+)_)?(\\d{8}_\\d{6})");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    /** Longest code first, so a code that is a prefix of another can never win wrongly. */
    private static final DataType[] BY_CODE_LENGTH = Arrays.stream(DataType.values())
            .sorted(Comparator.comparingInt((DataType t) -> t.code().length()).reversed())
            .toArray(DataType[]::new);

    private final BatchIndex index;
    private final ArchiveStore store;
    private final ObjectMapper mapper;
    private final Clock clock;

    public LegacyMarkerMigration(BatchIndex index, ArchiveStore store, ObjectMapper mapper, Clock clock) {
        this.index = index;
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Migrates unless an earlier run finished; returns how many markers got a day entry. */
    public int run() throws IOException {
        if (index.isMigrated()) {
            return 0;
        }
        int migrated = 0;
        int skipped = 0;
        for (String fanOut : index.fanOuts()) {
            for (BatchMarker legacy : index.idMarkers(fanOut)) {
                if (legacy.description() != null) {
                    continue; // written by this version: its day entry exists
                }
                Optional<BatchDescription> description = describe(legacy);
                if (description.isEmpty()) {
                    LOG.warnf("index: marker of batch %s has an archive key %s/%s this version cannot read; it"
                            + " stays findable by id but is not listed by day", legacy.batchId(),
                            legacy.directory(), legacy.baseName());
                    skipped++;
                    continue;
                }
                index.reserve(new BatchMarker(legacy.batchId(), BatchMarker.State.PENDING, legacy.directory(),
                        legacy.baseName(), null, null, 0, legacy.updatedAt(), description.get()));
                if (!legacy.isComplete()) {
                    index.removeIdMarker(legacy.batchId());
                }
                migrated++;
            }
        }
        index.markMigrated(("migrated " + migrated + " marker(s), skipped " + skipped + ", at " + clock.instant())
                .getBytes(StandardCharsets.UTF_8));
        if (migrated > 0 || skipped > 0) {
            LOG.infof("index: %d marker(s) of an earlier version given their day entry (%d skipped)", migrated,
                    skipped);
        }
        return migrated;
    }

    private Optional<BatchDescription> describe(BatchMarker legacy) {
        if (legacy.directory() == null || legacy.baseName() == null) {
            return Optional.empty();
        }
        try {
            DayKey.dateOf(legacy.directory());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (DataType type : BY_CODE_LENGTH) {
            String prefix = type.code() + "_";
            if (!legacy.baseName().startsWith(prefix)) {
                continue;
            }
            Matcher rest = REST_OF_NAME.matcher(legacy.baseName().substring(prefix.length()));
            if (!rest.matches()) {
                continue;
            }
            Instant start = LocalDateTime.parse(rest.group(2), STAMP).atZone(MarketCalendar.KRX_ZONE).toInstant();
            JsonNode metadata = legacy.isComplete() ? metadataOf(legacy.archiveRef()) : mapper.missingNode();
            return Optional.of(new BatchDescription(type, rest.group(1),
                    field(metadata, "interval", BarInterval::fromCode).orElse(null),
                    field(metadata, "source", SourceRole::fromCode).orElse(null),
                    field(metadata, "window_start", Instant::parse).orElse(start),
                    field(metadata, "window_end", Instant::parse).orElse(null)));
        }
        return Optional.empty();
    }

    /** The envelope's metadata, or a missing node when the envelope is gone or unreadable (a listing detail only). */
    private JsonNode metadataOf(String ref) {
        try {
            Optional<byte[]> envelope = ref == null ? Optional.empty() : store.readEnvelope(ref);
            return envelope.isEmpty() ? mapper.missingNode() : mapper.readTree(envelope.get()).path("metadata");
        } catch (IOException | RuntimeException e) {
            LOG.debugf("index: metadata of %s not readable: %s", ref, e.toString());
            return mapper.missingNode();
        }
    }

    /** A metadata field read by {@code parser}; empty when absent or not readable. */
    private static <T> Optional<T> field(JsonNode metadata, String name, Function<String, T> parser) {
        JsonNode value = metadata.path(name);
        try {
            return value.isTextual() ? Optional.of(parser.apply(value.asText())) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
