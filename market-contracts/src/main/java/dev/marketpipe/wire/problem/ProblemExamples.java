package dev.marketpipe.wire.problem;

/**
 * The problem JSON every stage answers a caller without a token (401) or without the operation's role (403), word for
 * word as {@link ProblemExceptionMappers} writes it, and the descriptions of those answers: the services' OpenAPI
 * documents show them on every {@code /v1} operation (constants, so annotations can name them).
 */
public final class ProblemExamples {

    /** What a 401 means on every {@code /v1} operation (docs/SECURITY.md). */
    public static final String UNAUTHORIZED_DESCRIPTION = "No bearer token, or one whose signature, issuer, audience or"
            + " expiry does not verify (the answer carries WWW-Authenticate: Bearer)";
    /** The body of a 401 for a request without a token. */
    public static final String UNAUTHORIZED = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"a bearer token is required (Authorization: Bearer <JWT>)\"}";

    /** What a 403 means on every {@code /v1} operation (docs/SECURITY.md). */
    public static final String FORBIDDEN_DESCRIPTION = "A valid token that holds none of the roles this operation allows"
            + " (the roles are the scopes of its security requirement)";
    /** The body of a 403. */
    public static final String FORBIDDEN = "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"the token holds none of the roles this operation allows (docs/SECURITY.md)\"}";

    private ProblemExamples() {
    }
}
