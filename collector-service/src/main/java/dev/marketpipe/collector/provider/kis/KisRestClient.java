package dev.marketpipe.collector.provider.kis;

import dev.marketpipe.collector.provider.TokenRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Map;

/**
 * The KIS Open API's REST paths as a client, one instance per role built by {@link KisProviderFactory}. Answers come
 * back whole ({@link Response}: the body exactly as received, and the {@code tr_cont} header of paged answers);
 * an answer that is not 2xx is classified by {@link KisErrorMapper}.
 */
@RegisterProvider(KisErrorMapper.class)
interface KisRestClient {

    /** {@code POST /oauth2/tokenP}: a token valid 24 h (the same one again when asked within 6 h). */
    @POST
    @Path("/oauth2/tokenP")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response issueToken(TokenRequest request);

    /** A domestic-stock GET: {@code /uapi/domestic-stock/v1/{group}/{api}} with the headers every call carries. */
    @GET
    @Path("/uapi/domestic-stock/v1/{group}/{api}")
    @Produces(MediaType.APPLICATION_JSON)
    Response get(@PathParam("group") String group, @PathParam("api") String api,
            @HeaderParam("authorization") String authorization,
            @HeaderParam("appkey") String appKey,
            @HeaderParam("appsecret") String appSecret,
            @HeaderParam("tr_id") String trId,
            @HeaderParam("custtype") String customerType,
            @HeaderParam("tr_cont") String trCont,
            @RestQuery Map<String, String> query);
}
