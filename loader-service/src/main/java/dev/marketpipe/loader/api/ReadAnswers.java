package dev.marketpipe.loader.api;

import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Content negotiation of the read API: JSON unless the client prefers CSV. The most preferred {@code Accept} entry
 * that either format satisfies decides, so {@code *}{@code /*} and a missing header mean JSON, and
 * {@code text/csv} or {@code text/*} mean CSV ({@code @Produces} has already answered 406 to anything else).
 */
final class ReadAnswers {

    private static final MediaType CSV = MediaType.valueOf(CsvBodyWriter.TEXT_CSV);

    private ReadAnswers() {
    }

    static Response.ResponseBuilder ok(GenericEntity<?> rows, HttpHeaders headers) {
        return Response.ok(rows, wantsCsv(headers) ? CsvBodyWriter.TEXT_CSV_UTF8 : MediaType.APPLICATION_JSON);
    }

    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }
}
