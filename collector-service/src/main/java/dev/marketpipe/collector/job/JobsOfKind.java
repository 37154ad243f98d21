package dev.marketpipe.collector.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.collector.collection.FetchWindow;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The jobs of one kind in the {@link JobStore}, with the request that started each kept as JSON: what a backfill or a
 * gap-fill service needs to start, find, list and cancel its jobs.
 *
 * @param <R> the request a job of this kind is started with
 */
public final class JobsOfKind<R> {

    private final String kind;
    private final Class<R> requestType;
    private final JobStore store;
    private final ObjectMapper json;
    private final int retained;

    public JobsOfKind(String kind, Class<R> requestType, JobStore store, ObjectMapper json, int retained) {
        this.kind = kind;
        this.requestType = requestType;
        this.store = store;
        this.json = json;
        this.retained = retained;
    }

    /** A stored job and the request it was started with. */
    public record Stored<R>(JobStore.Job job, R request) {
    }

    /** Stores a new job of {@code windows}, all of {@code step}; forgets the oldest finished ones beyond retention. */
    public UUID create(R request, String step, List<FetchWindow> windows, Instant now) {
        UUID id = UUID.randomUUID();
        store.create(id, kind, write(request), step, windows, now);
        store.purge(kind, retained);
        return id;
    }

    public Optional<Stored<R>> find(UUID id) {
        return store.find(id).filter(job -> kind.equals(job.kind())).map(this::stored);
    }

    /** The newest jobs first, running and finished. */
    public List<Stored<R>> list(int limit) {
        return store.list(kind, limit).stream().map(this::stored).toList();
    }

    /** Cancels a running job; the job as it stands afterwards, empty when there is no such job. */
    public Optional<Stored<R>> cancel(UUID id, Instant now) {
        if (find(id).isEmpty()) {
            return Optional.empty();
        }
        store.cancel(id, now);
        return find(id);
    }

    public Stored<R> stored(JobStore.Job job) {
        try {
            return new Stored<>(job, json.readValue(job.request(), requestType));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(R request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
