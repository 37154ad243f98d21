package dev.marketpipe.collector.client;

import dev.marketpipe.wire.CollectionAttempt;
import jakarta.ws.rs.core.Response;

import java.util.function.Function;

/** {@link LoaderClient}s over a stand-in loader, for tests outside the client package. */
public final class LoaderClients {

    private LoaderClients() {
    }

    /** A client whose {@code POST /v1/collection-log} answers with {@code collectionLog}; it has no coverage. */
    public static LoaderClient posting(Function<CollectionAttempt, Response> collectionLog) {
        return new LoaderClient(new LoaderRestClient() {
            @Override
            public StoredCoverage coverage(String symbol, String interval, String from, String to) {
                throw new UnsupportedOperationException("no coverage in this test");
            }

            @Override
            public Response record(CollectionAttempt attempt) {
                return collectionLog.apply(attempt);
            }
        });
    }
}
