package dev.marketpipe.loader.api;

import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.loader.orderbook.OrderBookLevelRow;
import dev.marketpipe.loader.orderbook.OrderBookReader;
import dev.marketpipe.security.Roles;
import dev.marketpipe.wire.OrderBookSnapshot;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/**
 * {@code GET /v1/orderbooks/latest}: the newest stored order-book snapshot of one symbol for the trading system
 * (the order-book record shape); 404 when none is stored, never an empty 200.
 */
@RolesAllowed(Roles.READER)
@Path("/v1/orderbooks/latest")
@TranslatesDatabaseFaults
public class OrderBookResource {

    private final OrderBookReader reader;

    public OrderBookResource(OrderBookReader reader) {
        this.reader = reader;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
    @Operation(summary = "The newest stored order book of a symbol",
            description = "The newest stored order book of a symbol: {symbol, timestamp, bids, asks}, levels best "
            + "first; with Accept: text/csv one row per level (symbol,timestamp,side,level,price,quantity)")
    @APIResponse(responseCode = "200", description = "the snapshot",
            content = {@Content(mediaType = ApiExamples.JSON,
                    schema = @Schema(implementation = OrderBookSnapshot.class),
                    examples = @ExampleObject(name = "two levels a side", value = ApiExamples.ORDER_BOOK)),
                    @Content(mediaType = ApiExamples.CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "as CSV", value = ApiExamples.ORDER_BOOK_CSV))})
    @APIResponse(responseCode = "400", description = "symbol missing or over 20 characters")
    @APIResponse(responseCode = "404", description = "no order book of this symbol is stored", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "none stored",
                    value = ApiExamples.ORDER_BOOK_NONE)))
    @APIResponse(responseCode = "503", description = "the database is unreachable")
    public Response latest(@Parameter(description = "the symbol (at most 20 characters)", required = true,
                    example = "005930") @QueryParam("symbol") @NotBlank @Size(max = 20) String symbol,
            @Context HttpHeaders headers) {
        OrderBookSnapshot book = reader.latest(symbol)
                .orElseThrow(() -> new NotFoundException("no order book of symbol " + symbol + " is stored"));
        if (ReadAnswers.wantsCsv(headers)) {
            return ReadAnswers.ok(new GenericEntity<List<OrderBookLevelRow>>(OrderBookLevelRow.of(book)) { },
                    headers).build();
        }
        return Response.ok(book, MediaType.APPLICATION_JSON).build();
    }
}
