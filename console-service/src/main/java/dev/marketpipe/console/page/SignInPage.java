package dev.marketpipe.console.page;

import dev.marketpipe.console.config.ConsoleConfig;
import dev.marketpipe.console.signin.Person;
import dev.marketpipe.console.signin.SignIns;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Optional;

/**
 * {@code /signin}: a person signs in with a bearer token of their own (from the organisation's identity provider, or
 * {@code ./marketpipe token operator,reviewer --subject NAME} in the demo); {@code /signout} forgets it.
 */
@Path("/")
@PermitAll
public class SignInPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signin(Chrome chrome, String next);
    }

    private final Pages pages;
    private final SignIns signIns;
    private final ConsoleConfig config;

    public SignInPage(Pages pages, SignIns signIns, ConsoleConfig config) {
        this.pages = pages;
        this.signIns = signIns;
        this.config = config;
    }

    @GET
    @Path("signin")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@CookieParam(SignIns.COOKIE) String token, @QueryParam("next") String next) {
        return Templates.signin(pages.chrome("signin", pages.person(token), null, null), safeNext(next));
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("token") String token, @FormParam("next") String next) {
        Optional<Person> person = signIns.person(token);
        if (person.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(Templates.signin(pages.chrome("signin",
                    Optional.empty(), null, "That token does not verify here: it is expired, or not signed by this "
                            + "installation's key (issuer and audience must match too)."), safeNext(next))).build();
        }
        return Response.seeOther(URI.create(safeNext(next)))
                .cookie(signIns.cookie(token, config.secureCookie())).build();
    }

    @POST
    @Path("signout")
    public Response signOut() {
        return Response.seeOther(URI.create("/signin")).cookie(signIns.signedOut(config.secureCookie())).build();
    }

    /** Only a path of this console, never another site ({@code //host} or {@code https:}) nor what is no URI. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/";
        }
        try {
            URI.create(next);
        } catch (IllegalArgumentException notAUri) {
            return "/";
        }
        return next;
    }
}
