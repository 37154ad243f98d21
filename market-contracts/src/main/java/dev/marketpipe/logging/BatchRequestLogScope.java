package dev.marketpipe.logging;

import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.ValidatedBatch;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.UUID;

/**
 * The batch id of a request whose body is a batch ({@code POST /v1/batches}, {@code /v1/validations},
 * {@code /v1/loads}) on every log line of that request, as {@link BatchLogContext}: set as soon as the body is
 * read, before the resource method, its CDI interceptors (the loader's database-fault translation) and exception
 * mappers log, and removed when the response is written. The wire has no batch-id header, so the body is where
 * the id comes from. Server side only: a REST client never reads a batch.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class BatchRequestLogScope implements ReaderInterceptor, ContainerResponseFilter {

    private static final String SCOPE = BatchRequestLogScope.class.getName();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        UUID batchId = batchIdOf(body);
        if (batchId != null) {
            context.setProperty(SCOPE, BatchLogContext.open(batchId));
        }
        return body;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SCOPE) instanceof BatchLogContext scope) {
            request.removeProperty(SCOPE);
            scope.close();
        }
    }

    private static UUID batchIdOf(Object body) {
        if (body instanceof CollectedBatch batch) {
            return batch.batchId();
        }
        if (body instanceof ValidatedBatch batch) {
            return batch.batchId();
        }
        return null;
    }
}
