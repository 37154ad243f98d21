package dev.marketpipe.collector.client;

/** The archive did not take a batch. {@link #retryable()} says whether asking again can help. */
public class ArchiveException extends RuntimeException {

    private final boolean retryable;

    public ArchiveException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** 5xx, 507 (disk full), 408, 429: the archive may take the batch later. */
    public static final class Unavailable extends ArchiveException {
        public Unavailable(String message) {
            super(message, true);
        }
    }

    /** Other 4xx: the batch itself is refused; retrying cannot help. */
    public static final class Refused extends ArchiveException {
        public Refused(String message) {
            super(message, false);
        }
    }
}
