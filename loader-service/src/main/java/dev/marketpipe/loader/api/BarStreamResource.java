package dev.marketpipe.loader.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.loader.config.LoaderConfig;
import dev.marketpipe.loader.push.BarEvent;
import dev.marketpipe.loader.push.BarStream;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.BarInterval;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code GET /v1/stream/bars}: the trading system's push stream of committed bars (server-sent events). Each event
 * ({@code event: bars}, {@code id} the change's id) carries the bars of one committed change of one symbol, as
 * stored; a bar is sent only once its transaction has committed. A client that reconnects with
 * {@code Last-Event-ID} gets every retained change after that id first, then the live ones, with no gap.
 */
@Path("/v1/stream/bars")
public class BarStreamResource {

    private final BarStream stream;
    private final LoaderConfig config;
    private final ObjectMapper json;

    public BarStreamResource(BarStream stream, LoaderConfig config, ObjectMapper json) {
        this.stream = stream;
        this.config = config;
        this.json = json;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Push stream of committed bars (server-sent events)",
            description = "Server-sent events of committed bars of the symbols asked (comma-separated) at one "
            + "interval (default 1m): event 'bars', id the change's id, data {id, symbol, interval, source, "
            + "committedAt, bars}. Reconnect with Last-Event-ID to resume without a gap (changes are kept for the "
            + "replay window). The answer never ends; Swagger UI cannot show it (use curl -N).")
    @APIResponse(responseCode = "200", description = "the stream: one event per committed change (a loaded batch"
            + " that changed a bar, a minute built from ticks, an approved quarantined bar), in id order",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "two changes", value = ApiExamples.BAR_EVENTS)))
    @APIResponse(responseCode = "400", description = "an unknown interval, a bad symbol list or a Last-Event-ID that"
            + " is no number", content = @Content(mediaType = ApiExamples.PROBLEM, examples = {
                    @ExampleObject(name = "unknown interval", value = ApiExamples.UNKNOWN_INTERVAL),
                    @ExampleObject(name = "bad Last-Event-ID", value = ApiExamples.STREAM_BAD_EVENT_ID)}))
    public Multi<OutboundSseEvent> bars(
            @Parameter(description = "symbols, comma-separated (at most marketpipe.loader.read.max-symbols, 500)",
                    required = true, example = "005930,000660")
            @QueryParam("symbols") @NotBlank String symbols,
            @Parameter(description = "1m, 5m or 1d", example = "1m")
            @QueryParam("interval") @DefaultValue("1m") String interval,
            @Parameter(description = "resume after this event id: every kept event after it first, then the live"
                    + " ones (absent: start with the next change)", example = "41")
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        BarInterval barInterval = BarInterval.fromCode(interval);
        Set<String> asked = new LinkedHashSet<>(SymbolList.parse(symbols, config.read().maxSymbols()));
        Long resumeAfter = lastEventId(lastEventId);
        return stream.subscribe(asked, barInterval.code(), resumeAfter)
                .map(event -> sse.newEventBuilder().id(Long.toString(event.id())).name("bars")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, toJson(event)).build());
    }

    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(header.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the client's mistake
        }
        throw new IllegalArgumentException("Last-Event-ID must be the id of an event this stream sent (a number)");
    }

    private String toJson(BarEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
