package dev.marketpipe.collector.provider.spec;

import dev.marketpipe.collector.provider.TokenRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The {@code spec} provider's securities API (the contract the bundled simulator serves) as a REST client, one instance
 * per role built by {@link SpecProviderFactory}; {@link SpecProvider} takes a rate-budget token before every call.
 */
@RegisterProvider(SpecErrorMapper.class)
interface SpecRestClient {

    @POST
    @Path("/oauth/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    SpecTokenResponse issueToken(TokenRequest request);

    /**
     * Bars of one symbol over a window, one page; the body is returned as received so that the archive keeps it byte
     * for byte.
     */
    @GET
    @Path("/market/data")
    @Produces(MediaType.APPLICATION_JSON)
    String marketData(@HeaderParam("Authorization") String authorization,
            @QueryParam("symbol") String symbol,
            @QueryParam("interval") String interval,
            @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate,
            @QueryParam("limit") int limit,
            @QueryParam("page") int page);

    /** The order book of one symbol now. */
    @GET
    @Path("/market/orderbook")
    @Produces(MediaType.APPLICATION_JSON)
    String orderBook(@HeaderParam("Authorization") String authorization, @QueryParam("symbol") String symbol);

    /** Account info. */
    @GET
    @Path("/account/info")
    @Produces(MediaType.APPLICATION_JSON)
    String accountInfo(@HeaderParam("Authorization") String authorization);

    /** Position data. */
    @GET
    @Path("/positions")
    @Produces(MediaType.APPLICATION_JSON)
    String positions(@HeaderParam("Authorization") String authorization);

    /** Order history over a window, paged like {@code /market/data}. */
    @GET
    @Path("/orders/history")
    @Produces(MediaType.APPLICATION_JSON)
    String orderHistory(@HeaderParam("Authorization") String authorization,
            @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate,
            @QueryParam("limit") int limit,
            @QueryParam("page") int page);
}
