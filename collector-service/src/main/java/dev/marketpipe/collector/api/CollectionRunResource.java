package dev.marketpipe.collector.api;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.collection.SnapshotCollector;
import dev.marketpipe.collector.schedule.AccountDataJob;
import dev.marketpipe.collector.schedule.JobScheduler;
import dev.marketpipe.collector.schedule.OrderBookJob;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.DataType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code POST /v1/collections/{dataType}/run}: runs the scheduled job of an order-book or account data type once,
 * now, market hours or not, at the job's configured priority (an operator's manual trigger, and how the system test
 * collects each type once).
 * {@code orders} takes an optional window ({@code from}/{@code to}: ISO dates, both inclusive, or instants, start
 * inclusive, end exclusive); without one it collects today's session so far.
 */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionRunResource {

    private static final long MAX_ORDER_WINDOW_DAYS = 370;

    private final OrderBookJob orderBooks;
    private final Map<DataType, AccountDataJob> accountJobs = new EnumMap<>(DataType.class);
    private final MarketCalendar calendar;
    private final JobScheduler scheduler;

    CollectionRunResource(OrderBookJob orderBooks, Instance<AccountDataJob> accountJobs, MarketCalendar calendar,
            JobScheduler scheduler) {
        this.scheduler = scheduler;
        this.orderBooks = orderBooks;
        accountJobs.forEach(job -> this.accountJobs.put(job.dataType(), job));
        this.calendar = calendar;
    }

    @POST
    @Path("/{dataType}/run")
    @Operation(summary = "Run a collection job once now",
            description = "Runs the scheduled job of an order-book or account data type once, now, market hours or"
                    + " not, at the job's configured priority; its batches go to the archive like every batch."
                    + " orders takes an optional window from/to; without one it collects today's session so far.")
    @APIResponse(responseCode = "200",
            description = "what the run collected: pages (API answers, one archived batch each) and records",
            content = @Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(implementation = SnapshotCollector.Outcome.class),
                    examples = @ExampleObject(name = "a day of orders", value = ApiExamples.ORDERS_RUN)))
    @APIResponse(responseCode = "400", description = "from/to given for another type than orders, only one of"
            + " them, not ISO, from not before to, or a window over 370 days", content = @Content(
                    mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "window on order books",
                            value = ApiExamples.COLLECTION_WINDOW_NOT_ORDERS)))
    @APIResponse(responseCode = "404", description = "no collection job for this data type", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "unknown data type",
                    value = ApiExamples.COLLECTION_UNKNOWN_TYPE)))
    public SnapshotCollector.Outcome run(
            @Parameter(description = "orderbook, account_info, positions or orders", example = "orders")
            @PathParam("dataType") String dataType,
            @Parameter(description = "orders only: start of the window, an ISO date (KST, inclusive) or an ISO"
                    + " instant (inclusive); with to", example = "2025-03-04") @QueryParam("from") String from,
            @Parameter(description = "orders only: end of the window, an ISO date (KST, inclusive) or an ISO"
                    + " instant (exclusive); with from", example = "2025-03-04") @QueryParam("to") String to) {
        if (!"orders".equals(dataType) && (from != null || to != null)) {
            throw new BadRequestException("'from' and 'to' apply to orders only");
        }
        return switch (dataType) {
            case "orderbook" -> scheduler.callAs(orderBooks.name(), orderBooks::collect);
            case "account_info" -> run(DataType.ACCOUNT_INFO);
            case "positions" -> run(DataType.POSITIONS);
            case "orders" -> from == null && to == null ? run(DataType.ORDERS) : scheduler.callAs(
                    accountJobs.get(DataType.ORDERS).name(), () -> ordersWindow(from, to));
            default -> throw new NotFoundException("no collection job for data type '"
                    + (dataType.length() > 30 ? dataType.substring(0, 30) + "…" : dataType)
                    + "'; one of orderbook, account_info, positions, orders");
        };
    }

    private SnapshotCollector.Outcome run(DataType dataType) {
        AccountDataJob job = accountJobs.get(dataType);
        return scheduler.callAs(job.name(), job::collect);
    }

    private SnapshotCollector.Outcome ordersWindow(String from, String to) {
        if (from == null || to == null) {
            throw new BadRequestException("give both 'from' and 'to', or neither");
        }
        Instant start = bound("from", from, false);
        Instant end = bound("to", to, true);
        if (!start.isBefore(end) || ChronoUnit.DAYS.between(start, end) > MAX_ORDER_WINDOW_DAYS) {
            throw new BadRequestException("'from' must be before 'to', and the window at most "
                    + MAX_ORDER_WINDOW_DAYS + " days");
        }
        return accountJobs.get(DataType.ORDERS).collect(start, end);
    }

    private Instant bound(String name, String value, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(calendar.zone()).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + name + "' must be an ISO date (2025-03-04) or instant"
                    + " (2025-03-04T00:00:00Z)");
        }
    }
}
