package dev.marketpipe.archive.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.wire.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is larger than {@code quarkus.http.limits.max-body-size} with 413 problem
 * JSON (architecture invariant 4: "Oversized bodies are refused"), before any of it is read. Quarkus enforces
 * the same limit itself, but answers with an empty body; this guard runs just before it. A chunked body without
 * a length that grows past the limit still meets Quarkus' own 413.
 */
@Singleton
public class OversizedBodyGuard {

    /** Quarkus' own limit check is registered at order -2; run before it. */
    private static final int ORDER = -3;

    private final long limit;
    private final ObjectMapper mapper;

    @Inject
    public OversizedBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                              ObjectMapper mapper) {
        this.limit = limit.asLongValue();
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > limit) {
            Problem problem = Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "the body has " + length + " bytes; the limit is " + limit + " bytes");
            byte[] body;
            try {
                body = mapper.writeValueAsBytes(problem);
            } catch (JsonProcessingException e) {
                body = new byte[0];
            }
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Buffer.buffer(body));
            return;
        }
        context.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x rejects a malformed length itself
        }
    }
}
