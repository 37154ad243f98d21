package dev.marketpipe.collector.client;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Maps archive-service error answers to {@link ArchiveException}s. */
public class ArchiveErrorMapper implements ResponseExceptionMapper<ArchiveException> {

    @Override
    public ArchiveException toThrowable(Response response) {
        int status = response.getStatus();
        String detail = "archive-service answered HTTP " + status;
        if (status >= 500 || status == 408 || status == 429) {
            return new ArchiveException.Unavailable(detail);
        }
        return new ArchiveException.Refused(detail);
    }
}
