package dev.marketpipe.simulator.control;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The most recent answered market requests with their query (a bounded ring, oldest dropped), so a test can check
 * exactly which windows a client asked for, e.g. that a gap-fill never asked for a holiday or a night.
 */
@ApplicationScoped
public class RecentRequests {

    /** One answered market request. Query values are clipped; the bearer token is never kept. */
    @RegisterForReflection
    public record Entry(Instant at, String path, String symbol, String interval, String startDate, String endDate,
            String page, int status) {
    }

    private static final int MAX_VALUE_LENGTH = 40;

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long dropped;

    public RecentRequests(@ConfigProperty(name = "marketpipe.simulator.recent-requests", defaultValue = "10000") int capacity) {
        this.capacity = capacity;
    }

    public synchronized void record(Entry entry) {
        if (capacity <= 0) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.removeFirst();
            dropped++;
        }
        entries.addLast(entry);
    }

    /** The newest {@code limit} entries, oldest first. */
    public synchronized List<Entry> newest(int limit) {
        List<Entry> all = new ArrayList<>(entries);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    public synchronized long dropped() {
        return dropped;
    }

    public synchronized void clear() {
        entries.clear();
        dropped = 0;
    }

    static String clip(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "…";
    }
}
