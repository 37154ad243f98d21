package dev.marketpipe.validator.client;

/** The loader answered 4xx: it will never take this request, so retrying is pointless. */
public class LoaderRejectedException extends RuntimeException {

    private final int status;
    private final String detail;

    public LoaderRejectedException(int status, String detail) {
        super("loader rejected the request with " + status + ": " + detail);
        this.status = status;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** The loader's own explanation (its problem JSON {@code detail}). */
    public String detail() {
        return detail;
    }
}
