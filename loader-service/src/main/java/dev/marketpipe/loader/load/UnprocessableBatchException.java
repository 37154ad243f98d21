package dev.marketpipe.loader.load;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * 422: a well-formed {@code ValidatedBatch} the loader must not store as it is (a bar the validator should never
 * have accepted, a data type the loader does not load yet). The caller's bug, not a transient fault.
 */
public class UnprocessableBatchException extends WebApplicationException {

    public static final int STATUS = 422;

    public UnprocessableBatchException(String message) {
        super(message, Response.status(STATUS, "Unprocessable Entity").build());
    }
}
