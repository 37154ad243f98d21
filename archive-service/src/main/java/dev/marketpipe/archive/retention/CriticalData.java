package dev.marketpipe.archive.retention;

import dev.marketpipe.archive.store.ArchiveStore;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Decides which archive files retention keeps forever (critical data is kept permanently), from the configured
 * {@link CriticalRule}s. A file whose data type matches a rule with an interval is opened to read its
 * {@code metadata.interval} (a CSV copy: its envelope's); when that cannot be read (a damaged envelope) the file is
 * kept: retention deletes only what it can prove is not critical.
 */
final class CriticalData {

    private static final String CSV = ".csv";

    private final List<CriticalRule> rules;

    CriticalData(List<CriticalRule> rules) {
        this.rules = List.copyOf(rules);
    }

    static CriticalData of(Optional<List<String>> entries) {
        return new CriticalData(entries.orElse(List.of()).stream()
                .filter(e -> !e.isBlank()).map(CriticalRule::parse).toList());
    }

    /** Whether the envelope first stored at {@code envelopeRef} (plain or gzipped now) must be kept. */
    boolean isCritical(String envelopeRef, ArchiveStore store) throws IOException {
        String name = envelopeRef.substring(envelopeRef.lastIndexOf('/') + 1);
        List<CriticalRule> matching = rules.stream().filter(r -> r.matchesName(name)).toList();
        if (matching.isEmpty()) {
            return false;
        }
        if (matching.stream().anyMatch(r -> r.interval().isEmpty())) {
            return true;
        }
        // a CSV copy of the bars (marketpipe.archive.csv-data-types) shares the fate of the envelope it was made from
        String source = envelopeRef.endsWith(CSV) ? envelopeRef.substring(0, envelopeRef.length() - CSV.length())
                + ".json" : envelopeRef;
        Optional<byte[]> envelope = store.readEnvelope(source);
        if (envelope.isEmpty()) {
            return false; // gone meanwhile (another replica's retention): nothing left to keep
        }
        Optional<String> interval = EnvelopeMetadata.field(envelope.get(), "interval");
        if (interval.isEmpty()) {
            return true;
        }
        return matching.stream().anyMatch(r -> r.matchesInterval(interval));
    }
}
