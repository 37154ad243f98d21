package dev.marketpipe.simulator.data;

import dev.marketpipe.simulator.config.MarketSimulation;
import dev.marketpipe.simulator.config.SimulatorConfig;
import dev.marketpipe.simulator.market.OrderBook;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The securities API's market endpoints ({@code GET /market/data}, {@code GET /market/orderbook}).
 * Query parameters arrive as strings so that every mistake gets a 400 with a clear message rather than the
 * framework's 404 for an unconvertible parameter. Bearer token required (see the auth filter).
 */
@Path("/market")
@Tag(name = "market")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityRequirement(name = "bearer")
public class MarketResource {

    private final MarketDataService service;
    private final MarketSimulation simulation;
    private final SimulatorConfig config;

    public MarketResource(MarketDataService service, MarketSimulation simulation, SimulatorConfig config) {
        this.service = service;
        this.simulation = simulation;
        this.config = config;
    }

    @GET
    @Path("/data")
    @Operation(summary = "OHLCV bars of one symbol and interval over a window, paged")
    public MarketDataPage data(@QueryParam("symbol") String symbol,
                               @QueryParam("interval") String interval,
                               @QueryParam("start_date") String startDate,
                               @QueryParam("end_date") String endDate,
                               @QueryParam("limit") String limit,
                               @QueryParam("page") String page) {
        MarketDataQuery query = MarketDataQuery.parse(symbol, interval, startDate, endDate, limit, page,
                simulation.calendar().zone(), service.today(), config.maxWindowDays());
        return service.page(query);
    }

    @GET
    @Path("/orderbook")
    @Operation(summary = "Order book snapshot: 10 bid and 10 ask levels around the price at `at` (default now)")
    public OrderBook orderBook(@QueryParam("symbol") String symbol, @QueryParam("at") String at) {
        return service.orderBook(MarketDataQuery.requireSymbol(symbol), instant(at));
    }

    private static Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("at must be an ISO instant such as 2025-03-04T01:00:00Z");
        }
    }
}
