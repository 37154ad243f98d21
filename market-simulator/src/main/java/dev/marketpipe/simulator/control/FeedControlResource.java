package dev.marketpipe.simulator.control;

import dev.marketpipe.simulator.config.MarketSimulation;
import dev.marketpipe.simulator.config.SimulatedClock;
import dev.marketpipe.simulator.feed.FeedPublisher;
import dev.marketpipe.simulator.feed.FeedSessions;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /simulator/feed}: the real-time feed's sessions, and its faults for a client's tests: every session
 * dropped at once (the client must reconnect and subscribe again), or a raw frame of the test's choosing sent to
 * every session (the client must survive a malformed one). {@code GET /simulator/feed/trades} counts the tape's
 * trades in a time range, what a client that missed nothing has received (benchmarks, tests).
 */
@Path("/simulator/feed")
@Tag(name = "simulator control")
@Produces(MediaType.APPLICATION_JSON)
public class FeedControlResource {

    private static final Logger LOG = Logger.getLogger(FeedControlResource.class);

    /** Longest range one count may cover (each symbol-day of the tape is generated once and kept while streamed). */
    static final Duration MAX_COUNT_RANGE = Duration.ofDays(7);

    private final FeedSessions sessions;
    private final FeedPublisher publisher;
    private final MarketSimulation simulation;

    public FeedControlResource(FeedSessions sessions, FeedPublisher publisher, MarketSimulation simulation) {
        this.sessions = sessions;
        this.publisher = publisher;
        this.simulation = simulation;
    }

    @GET
    @Operation(summary = "Open feed sessions and their subscriptions")
    public FeedState state() {
        return new FeedState(sessions.sessions(), sessions.subscriptions());
    }

    @POST
    @Path("/disconnect")
    @Operation(summary = "Close every open feed session")
    public FeedState disconnect() {
        int closed = sessions.disconnectAll();
        LOG.infof("feed fault: %d sessions closed", closed);
        return state();
    }

    @POST
    @Path("/inject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send `frame` as it is to every open feed session")
    public FeedState inject(@NotNull(message = "a JSON body is required") @Valid InjectedFrame injected) {
        int sent = sessions.sendToAll(injected.frame());
        LOG.infof("feed fault: a frame of %d characters sent to %d sessions", injected.frame().length(), sent);
        return state();
    }

    @GET
    @Path("/trades")
    @Operation(summary = "How many trades the tape holds at `from` (inclusive) to `to` (exclusive), ISO instants or "
            + "KST local date-times, in all (`trades`) and per symbol; `symbols`: comma-separated, default all")
    public TradeCount trades(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("symbols") String symbols) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_COUNT_RANGE) > 0) {
            throw new BadRequestException("from must be before to, at most " + MAX_COUNT_RANGE.toDays() + " days apart");
        }
        List<String> wanted = symbols == null || symbols.isBlank() ? simulation.symbols()
                : Arrays.stream(symbols.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = 0;
        for (String symbol : wanted) {
            if (!simulation.knows(symbol)) {
                throw new BadRequestException("unknown symbol " + symbol + " (marketpipe.simulator.symbols)");
            }
            long count = publisher.tradeCount(symbol, start, end);
            counts.put(symbol, count);
            total += count;
        }
        return new TradeCount(start, end, total, counts);
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(name + " is required");
        }
        return SimulatedClock.parse(text).orElseThrow(() -> new BadRequestException(name
                + " must be an ISO instant (2025-03-05T00:30:00Z) or a KST local date-time (2025-03-05T09:30:00)"));
    }

    /** Answer of {@code GET /simulator/feed/trades}: the tape's trades in {@code [from, to)}, in all and per symbol. */
    @RegisterForReflection
    public record TradeCount(Instant from, Instant to, long trades, Map<String, Long> symbols) {
    }

    /** Answer of the feed endpoints. */
    @RegisterForReflection
    public record FeedState(int sessions, int subscriptions) {
    }

    /** Body of {@code POST /simulator/feed/inject}: the raw text frame to send. */
    @RegisterForReflection
    public record InjectedFrame(@NotNull @Size(max = 60_000) String frame) {
    }
}
