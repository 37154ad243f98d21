package dev.marketpipe.console.page;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/** A page that needs a signed-in person was asked for without one: 303 to the sign-in page, which comes back. */
public final class SignInRequired extends RuntimeException {

    SignInRequired() {
        super("sign in first", null, false, false);
    }

    /** The way to the sign-in page and back to the page asked for. */
    static final class Mapper {
        @ServerExceptionMapper
        Response toSignIn(SignInRequired e, ContainerRequestContext request) {
            URI asked = request.getUriInfo().getRequestUri();
            String next = asked.getRawPath() + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery());
            return Response.seeOther(UriBuilder.fromPath("/signin").queryParam("next", next).build()).build();
        }
    }
}
