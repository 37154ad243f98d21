package dev.marketpipe.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import java.util.function.Supplier;

/**
 * A stage's refusal or silence, worded for the page: the stage, its status and the {@code detail} of its problem
 * JSON ("the token holds none of the roles…", "from must be before to"), or that it did not answer.
 */
public final class StageError extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final int status;

    private StageError(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The stage's HTTP status; 503 when it did not answer. */
    public int status() {
        return status;
    }

    /** Runs a call to {@code stage}, turning its refusal or silence into a {@code StageError}. */
    public static <T> T call(String stage, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new StageError("the " + stage + " answered " + status + ": " + detail(e), status);
        } catch (ProcessingException e) {
            throw new StageError("the " + stage + " did not answer (" + rootMessage(e) + ")", 503);
        }
    }

    private static String detail(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
            return body == null || body.isBlank() ? e.getResponse().getStatusInfo().getReasonPhrase() : body;
        } catch (Exception unreadable) {
            return e.getResponse().getStatusInfo().getReasonPhrase();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = innermost(e);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** The innermost cause of a failed call, which says what happened (connection refused, timed out…). */
    public static Throwable innermost(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
