package dev.marketpipe.validator.security;

import dev.marketpipe.testsupport.ApiBoundaryChecks;
import dev.marketpipe.validator.api.LoaderWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Map;
import java.util.Set;

import static dev.marketpipe.security.Roles.OPERATOR;
import static dev.marketpipe.security.Roles.PIPELINE;
import static dev.marketpipe.security.Roles.READER;

/**
 * Every validator operation refuses a caller without a token (401) and one without its role (403), and answers
 * no input a client can get wrong with a 5xx or a stack trace (docs/SECURITY.md).
 */
@QuarkusTest
@WithTestResource(LoaderWireMock.class)
class ApiBoundaryTest extends ApiBoundaryChecks {

    private static final Map<String, Set<String>> ROLES = Map.of(
            "POST /v1/validations", Set.of(PIPELINE),
            "POST /v1/validations/groups", Set.of(PIPELINE),
            "GET /v1/quality", Set.of(READER, OPERATOR));

    @Override
    protected Map<String, Set<String>> roles() {
        return ROLES;
    }
}
