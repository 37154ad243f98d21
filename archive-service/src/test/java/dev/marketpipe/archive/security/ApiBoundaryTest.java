package dev.marketpipe.archive.security;

import dev.marketpipe.archive.api.ValidatorMock;
import dev.marketpipe.testsupport.ApiBoundaryChecks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Map;
import java.util.Set;

import static dev.marketpipe.security.Roles.OPERATOR;
import static dev.marketpipe.security.Roles.PIPELINE;

/**
 * Every archive operation refuses a caller without a token (401) and one without its role (403), and answers
 * no input a client can get wrong with a 5xx or a stack trace (docs/SECURITY.md).
 */
@QuarkusTest
@WithTestResource(ValidatorMock.class)
class ApiBoundaryTest extends ApiBoundaryChecks {

    private static final Map<String, Set<String>> ROLES = Map.ofEntries(
            Map.entry("POST /v1/batches", Set.of(PIPELINE)),
            Map.entry("GET /v1/batches", Set.of(OPERATOR, PIPELINE)),
            Map.entry("GET /v1/batches/{batchId}", Set.of(OPERATOR, PIPELINE)),
            Map.entry("POST /v1/backups", Set.of(OPERATOR)),
            Map.entry("GET /v1/backups", Set.of(OPERATOR)),
            Map.entry("POST /v1/backups/{date}/restore", Set.of(OPERATOR)),
            Map.entry("POST /v1/retention/runs", Set.of(OPERATOR)),
            Map.entry("GET /v1/integrity", Set.of(OPERATOR)),
            Map.entry("POST /v1/replays", Set.of(OPERATOR)),
            Map.entry("GET /v1/replays", Set.of(OPERATOR)),
            Map.entry("GET /v1/replays/{id}", Set.of(OPERATOR)));

    @Override
    protected Map<String, Set<String>> roles() {
        return ROLES;
    }
}
