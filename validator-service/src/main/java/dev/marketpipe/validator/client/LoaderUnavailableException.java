package dev.marketpipe.validator.client;

/**
 * The loader could not take the request now: unreachable, timed out, or answered 5xx. The caller answers 503 and
 * the archive's outbox redelivers later.
 */
public class LoaderUnavailableException extends RuntimeException {

    public LoaderUnavailableException(String message) {
        super(message);
    }

    public LoaderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
