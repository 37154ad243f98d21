package dev.marketpipe.archive.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** 507 Insufficient Storage (RFC 4918): the archive's disk is full, nothing was written. */
public class InsufficientStorageException extends WebApplicationException {

    public static final int STATUS = 507;

    public InsufficientStorageException(String message) {
        super(message, Response.status(STATUS, "Insufficient Storage").build());
    }
}
