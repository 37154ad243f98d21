package dev.marketpipe.simulator.control;

import dev.marketpipe.simulator.feed.FeedSessions;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code /simulator/feed}: the real-time feed's sessions, and its faults for a client's tests: every session
 * dropped at once (the client must reconnect and subscribe again), or a raw frame of the test's choosing sent to
 * every session (the client must survive a malformed one).
 */
@Path("/simulator/feed")
@Tag(name = "simulator control")
@Produces(MediaType.APPLICATION_JSON)
public class FeedControlResource {

    private static final Logger LOG = Logger.getLogger(FeedControlResource.class);

    private final FeedSessions sessions;

    public FeedControlResource(FeedSessions sessions) {
        this.sessions = sessions;
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

    /** Answer of the feed endpoints. */
    @RegisterForReflection
    public record FeedState(int sessions, int subscriptions) {
    }

    /** Body of {@code POST /simulator/feed/inject}: the raw text frame to send. */
    @RegisterForReflection
    public record InjectedFrame(@NotNull @Size(max = 60_000) String frame) {
    }
}
