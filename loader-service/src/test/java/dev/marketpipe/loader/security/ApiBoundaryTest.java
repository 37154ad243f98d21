package dev.marketpipe.loader.security;

import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.testsupport.ApiBoundaryChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Map;
import java.util.Set;

import static dev.marketpipe.security.Roles.OPERATOR;
import static dev.marketpipe.security.Roles.PIPELINE;
import static dev.marketpipe.security.Roles.READER;
import static dev.marketpipe.security.Roles.REVIEWER;

/**
 * Every loader operation refuses a caller without a token (401) and one without its role (403), and answers
 * no input a client can get wrong with a 5xx or a stack trace (docs/SECURITY.md).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ApiBoundaryTest extends ApiBoundaryChecks {

    private static final Map<String, Set<String>> ROLES = Map.ofEntries(
            Map.entry("GET /v1/bars", Set.of(READER, PIPELINE)),
            Map.entry("GET /v1/bars/latest", Set.of(READER)),
            Map.entry("POST /v1/bars/windows", Set.of(READER, PIPELINE)),
            Map.entry("GET /v1/orderbooks/latest", Set.of(READER)),
            Map.entry("GET /v1/reports/daily", Set.of(READER, OPERATOR)),
            Map.entry("GET /v1/reports/daily/kept", Set.of(READER, OPERATOR)),
            Map.entry("GET /v1/reports/daily/kept/{date}", Set.of(READER, OPERATOR)),
            Map.entry("POST /v1/reports/daily/{date}/generations", Set.of(OPERATOR)),
            Map.entry("GET /v1/collection-log", Set.of(READER, OPERATOR)),
            Map.entry("POST /v1/collection-log", Set.of(PIPELINE)),
            Map.entry("GET /v1/coverage", Set.of(PIPELINE, OPERATOR)),
            Map.entry("POST /v1/loads", Set.of(PIPELINE)),
            Map.entry("POST /v1/loads/groups", Set.of(PIPELINE)),
            Map.entry("GET /v1/stream/bars", Set.of(READER)),
            Map.entry("GET /v1/quarantine", Set.of(REVIEWER, OPERATOR)),
            Map.entry("POST /v1/quarantine/{id}/approve", Set.of(REVIEWER)),
            Map.entry("POST /v1/quarantine/{id}/reject", Set.of(REVIEWER)));

    @Override
    protected Map<String, Set<String>> roles() {
        return ROLES;
    }
}
