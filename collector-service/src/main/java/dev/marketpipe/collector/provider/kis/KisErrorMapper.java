package dev.marketpipe.collector.provider.kis;

import dev.marketpipe.collector.provider.ProviderException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** A KIS answer that is not 2xx, classified by its {@code msg_cd} first ({@link KisErrors}). */
public class KisErrorMapper implements ResponseExceptionMapper<ProviderException> {

    @Override
    public ProviderException toThrowable(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException unreadable) {
            body = null;
        }
        return KisErrors.classify(response.getStatus(), KisErrors.json(body),
                response.getHeaderString(HttpHeaders.RETRY_AFTER), "request");
    }
}
