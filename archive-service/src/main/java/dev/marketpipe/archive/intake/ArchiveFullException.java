package dev.marketpipe.archive.intake;

/** The archive's disk is (nearly) full: the batch was not written (answered 507). */
public class ArchiveFullException extends RuntimeException {

    public ArchiveFullException(String message) {
        super(message);
    }
}
