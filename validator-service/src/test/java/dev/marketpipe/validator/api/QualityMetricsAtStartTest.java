package dev.marketpipe.validator.api;

import dev.marketpipe.testsupport.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * A freshly started validator exports its quality series at 0 before the first batch: Prometheus sees no increase
 * in a series' first sample, so series born with the first batch would hide that batch from the quality alert.
 * Its own profile, so the application starts for this class alone and has validated nothing yet.
 */
@QuarkusTest
@TestProfile(QualityMetricsAtStartTest.FreshStart.class)
@WithTestResource(LoaderWireMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class QualityMetricsAtStartTest {

    public static class FreshStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.validator.quality.alert-min-records", "100");
        }
    }

    @Test
    void everyRecordOutcomeIsExportedAtZeroBeforeTheFirstBatch() {
        given().when().get(Management.url("/q/metrics")).then().statusCode(200)
                .body(matchesPattern("(?s).*\\nmarketpipe_validator_records_total\\{data_type=\"market_data\","
                        + "outcome=\"quarantined\"[^}]*} 0\\.0\\n.*"))
                .body(matchesPattern("(?s).*\\nmarketpipe_validator_records_total\\{data_type=\"market_data\","
                        + "outcome=\"accepted_clean\"[^}]*} 0\\.0\\n.*"));
    }
}
