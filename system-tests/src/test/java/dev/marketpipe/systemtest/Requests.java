package dev.marketpipe.systemtest;

import dev.marketpipe.testsupport.TestTokens;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Requests to the stages as a person holding every role would send them: a bearer token signed with the test key,
 * which the services started by {@link ServiceProcess} trust.
 */
final class Requests {

    private Requests() {
    }

    static HttpRequest.Builder to(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", TestTokens.allRolesAuthorization());
    }
}
