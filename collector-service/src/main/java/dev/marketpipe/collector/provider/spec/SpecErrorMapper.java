package dev.marketpipe.collector.provider.spec;

import dev.marketpipe.collector.provider.ProviderException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;


/** Turns non-2xx answers of the securities API into the {@link ProviderException} of their error-table row. */
public class SpecErrorMapper implements ResponseExceptionMapper<ProviderException> {

    private static final int MAX_DETAIL = 300;

    @Override
    public ProviderException toThrowable(Response response) {
        int status = response.getStatus();
        String detail = "HTTP " + status + " from the securities API" + bodyExcerpt(response);
        if (status == 429) {
            return ProviderException.RateLimited.afterHeader(response.getHeaderString(HttpHeaders.RETRY_AFTER));
        }
        if (status == 401 || status == 403) {
            return new ProviderException.AuthenticationFailed(status, detail);
        }
        if (status == 408 || status >= 500) {
            return new ProviderException.Unavailable(status, detail);
        }
        return new ProviderException.Rejected(status, detail);
    }

    private static String bodyExcerpt(Response response) {
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (body == null || body.isBlank()) {
                return "";
            }
            String oneLine = body.replaceAll("\\s+", " ").trim();
            return ": " + (oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + "…" : oneLine);
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
