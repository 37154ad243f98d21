package dev.marketpipe.simulator.account;

import dev.marketpipe.simulator.config.MarketSimulation;
import dev.marketpipe.simulator.config.SimulatedClock;
import dev.marketpipe.simulator.config.SimulatorConfig;
import dev.marketpipe.simulator.market.AccountGenerator;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The securities API's account endpoints: {@code GET /account/info}, {@code GET /positions},
 * {@code GET /orders/history}, deterministic from the seed and the time ({@link AccountGenerator}). Bearer token
 * required (see the auth filter). {@code at} (default now) lets a test ask what was served at an instant.
 */
@Path("/")
@Tag(name = "account")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AccountResource {

    private static final String CURRENCY = "KRW";

    private final MarketSimulation simulation;
    private final SimulatorConfig config;
    private final SimulatedClock clock;

    public AccountResource(MarketSimulation simulation, SimulatorConfig config, SimulatedClock clock) {
        this.simulation = simulation;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/account/info")
    @Operation(summary = "Account balance at `at` (default now): cash, positions value, total")
    public AccountResponses.AccountInfoResponse accountInfo(@QueryParam("at") String at) {
        AccountGenerator.Account account = simulation.accounts().account(instant(at));
        return new AccountResponses.AccountInfoResponse(AccountResponses.SUCCESS,
                new AccountResponses.AccountInfo(account.accountNumber(), account.timestamp(), CURRENCY,
                        account.cash(), account.positionsValue(), account.totalValue(), account.positionCount()));
    }

    @GET
    @Path("/positions")
    @Operation(summary = "Holdings at `at` (default now), valued at the last traded price")
    public AccountResponses.PositionsResponse positions(@QueryParam("at") String at) {
        Instant when = instant(at);
        List<AccountResponses.PositionItem> items = simulation.accounts().positions(when).stream()
                .map(h -> new AccountResponses.PositionItem(h.symbol(), h.quantity(), h.averagePrice(),
                        h.currentPrice(), h.marketValue(), h.unrealizedPnl()))
                .toList();
        return new AccountResponses.PositionsResponse(AccountResponses.SUCCESS, items,
                new AccountResponses.PositionsMeta(simulation.accounts().accountNumber(),
                        when.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), items.size()));
    }

    @GET
    @Path("/orders/history")
    @Operation(summary = "Orders placed in a window (start_date/end_date as for /market/data), paged")
    public AccountResponses.OrdersResponse orders(@QueryParam("start_date") String startDate,
                                                  @QueryParam("end_date") String endDate,
                                                  @QueryParam("limit") String limit,
                                                  @QueryParam("page") String page) {
        ZoneId zone = simulation.calendar().zone();
        Instant now = clock.instant();
        OrderHistoryQuery query = OrderHistoryQuery.parse(startDate, endDate, limit, page, zone,
                LocalDate.ofInstant(now, zone), config.maxWindowDays());
        List<AccountGenerator.Order> window = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(query.to().minusNanos(1), zone);
        for (LocalDate date = LocalDate.ofInstant(query.from(), zone); !date.isAfter(last); date = date.plusDays(1)) {
            for (AccountGenerator.Order order : simulation.accounts().orders(date)) {
                if (query.contains(order.orderedAt())
                        && (config.serveFutureBars() || !order.orderedAt().isAfter(now))) {
                    window.add(order);
                }
            }
        }
        long total = window.size();
        long first = (long) (query.page() - 1) * query.limit();
        List<AccountGenerator.Order> data = first >= total ? List.of()
                : window.subList((int) first, (int) Math.min(total, first + query.limit()));
        List<AccountResponses.OrderItem> items = data.stream()
                .map(o -> new AccountResponses.OrderItem(o.orderId(), o.orderedAt(), o.symbol(), o.side(),
                        o.quantity(), o.price(), o.filledQuantity(), o.filledPrice(), o.status()))
                .toList();
        return new AccountResponses.OrdersResponse(AccountResponses.SUCCESS, items,
                new AccountResponses.OrdersMeta(simulation.accounts().accountNumber(), total, query.page(),
                        (total + query.limit() - 1) / query.limit(), query.limit()));
    }

    private Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(at.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("at must be an ISO instant such as 2025-03-04T01:00:00Z");
        }
    }
}
