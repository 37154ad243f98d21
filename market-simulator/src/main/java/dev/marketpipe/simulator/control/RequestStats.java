package dev.marketpipe.simulator.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts answered {@code /market/*} requests by status, for tests that assert how often a client called
 * ({@code GET /simulator/stats}) and for Prometheus ({@code marketpipe_simulator_requests_served_total}).
 */
@ApplicationScoped
public class RequestStats {

    private final MeterRegistry registry;
    private final AtomicLong requests = new AtomicLong();
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();

    public RequestStats(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String endpoint, int status) {
        requests.incrementAndGet();
        byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        Counter.builder("marketpipe.simulator.requests.served")
                .description("market API requests answered, by endpoint and HTTP status")
                .tag("endpoint", endpoint)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }

    public long requests() {
        return requests.get();
    }

    /** Counts by status code, in status order. */
    public Map<String, Long> byStatus() {
        Map<String, Long> counts = new TreeMap<>();
        byStatus.forEach((status, count) -> counts.put(Integer.toString(status), count.get()));
        return counts;
    }

    public void reset() {
        requests.set(0);
        byStatus.clear();
    }
}
