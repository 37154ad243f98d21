package dev.marketpipe.console.page;

import dev.marketpipe.console.signin.Person;
import dev.marketpipe.console.signin.SignIns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.Optional;

/** What the pages share: who is signed in, and the way back to the sign-in page when nobody is. */
@ApplicationScoped
public class Pages {

    private final SignIns signIns;

    public Pages(SignIns signIns) {
        this.signIns = signIns;
    }

    public Optional<Person> person(String token) {
        return signIns.person(token);
    }

    /** The signed-in person; without one the page answers 303 to the sign-in page ({@link SignInRequired}). */
    public Person require(String token) {
        return signIns.person(token).orElseThrow(SignInRequired::new);
    }

    public Chrome chrome(String page, Optional<Person> person, String notice, String error) {
        return chrome(page, person.orElse(null), notice, error);
    }

    /** The frame of a page for {@code person} (null: nobody signed in). */
    public Chrome chrome(String page, Person person, String notice, String error) {
        return new Chrome(page, person, blankToNull(notice), blankToNull(error));
    }

    /** 303 back to {@code path} with a notice or an error for the person. */
    public static Response back(String path, String notice, String error) {
        return back(UriBuilder.fromPath(path), notice, error);
    }

    /** 303 back to {@code target} (a page with its own query, e.g. its filters) with a notice or an error. */
    static Response back(UriBuilder target, String notice, String error) {
        if (notice != null) {
            target.queryParam("notice", notice);
        }
        if (error != null) {
            target.queryParam("error", error);
        }
        return Response.seeOther(target.build()).build();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
