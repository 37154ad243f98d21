package dev.marketpipe.simulator.control;

import dev.marketpipe.simulator.auth.MarketApiPaths;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies the {@link FaultMix} in force to every market request, before the one-shot faults and authentication: an
 * error answer at once, or a hold longer than the client waits (without blocking a thread), then 504.
 */
public class FaultMixFilter {

    private final FaultMixer mixer;
    private final FaultAnswers answers;

    public FaultMixFilter(FaultMixer mixer, FaultAnswers answers) {
        this.mixer = mixer;
        this.answers = answers;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 200)
    public Uni<Response> mix(ContainerRequestContext request) {
        if (!MarketApiPaths.isProviderApi(request)) {
            return Uni.createFrom().nullItem();
        }
        return mixer.draw().map(draw -> draw instanceof FaultMixer.Hold hold
                ? Uni.createFrom().item(() -> Response.status(Response.Status.GATEWAY_TIMEOUT)
                        .type(MediaType.TEXT_PLAIN_TYPE).entity("held past the client's timeout (injected fault)")
                        .build()).onItem().delayIt().by(hold.delay())
                : Uni.createFrom().item(answers.answer(((FaultMixer.Answer) draw).fault(),
                        MarketApiPaths.isKisApi(request))))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }
}
