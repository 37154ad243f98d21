package dev.marketpipe.collector.security;

import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.ApiBoundaryChecks;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Map;
import java.util.Set;

import static dev.marketpipe.security.Roles.OPERATOR;
import static dev.marketpipe.security.Roles.READER;

/**
 * Every collector operation refuses a caller without a token (401) and one without its role (403), and answers
 * no input a client can get wrong with a 5xx or a stack trace (docs/SECURITY.md).
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ApiBoundaryTest extends ApiBoundaryChecks {

    private static final Map<String, Set<String>> ROLES = Map.ofEntries(
            Map.entry("POST /v1/backfills", Set.of(OPERATOR)),
            Map.entry("GET /v1/backfills", Set.of(OPERATOR)),
            Map.entry("GET /v1/backfills/{id}", Set.of(OPERATOR)),
            Map.entry("DELETE /v1/backfills/{id}", Set.of(OPERATOR)),
            Map.entry("POST /v1/gapfills", Set.of(OPERATOR)),
            Map.entry("GET /v1/gapfills", Set.of(OPERATOR)),
            Map.entry("GET /v1/gapfills/{id}", Set.of(OPERATOR)),
            Map.entry("DELETE /v1/gapfills/{id}", Set.of(OPERATOR)),
            Map.entry("POST /v1/collections/{dataType}/run", Set.of(OPERATOR)),
            Map.entry("POST /v1/live/run", Set.of(OPERATOR)),
            Map.entry("GET /v1/reconciliation", Set.of(OPERATOR)),
            Map.entry("POST /v1/reconciliation", Set.of(OPERATOR)),
            Map.entry("GET /v1/leases", Set.of(OPERATOR)),
            Map.entry("GET /v1/plan", Set.of(OPERATOR)),
            Map.entry("GET /v1/calendar/sessions", Set.of(READER, OPERATOR)));

    @Override
    protected Map<String, Set<String>> roles() {
        return ROLES;
    }
}
