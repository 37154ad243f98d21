package dev.marketpipe.archive.api;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.testsupport.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(ValidatorMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class HealthAndMetricsTest {

    @Test
    void readyAndLiveWhenTheRootIsWritableAndTheForwarderRuns() {
        given().get(Management.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(Management.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void archiveMetricsArePublishedWithoutSymbolOrBatchLabels() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(TestBatches.body(id, "METRIC", "2025-03-11T00:00:00Z"))
                .post("/v1/batches").then().statusCode(201);

        given().get(Management.url("/q/metrics")).then().statusCode(200).body(allOf(
                containsString("marketpipe_archive_batches_archived_total"),
                containsString("marketpipe_archive_bytes_written_total"),
                containsString("marketpipe_archive_records_received_total"),
                containsString("marketpipe_archive_batches_forwarded_total"),
                containsString("marketpipe_archive_forward_failures_total{reason=\"server_error\"}"),
                containsString("marketpipe_archive_outbox_backlog_batches "),
                containsString("marketpipe_archive_outbox_oldest_age_seconds"),
                containsString("marketpipe_archive_outbox_dead_total"),
                not(containsString("METRIC")),
                not(containsString(id.toString()))));
    }

    @Test
    void openApiDescribesTheBatchEndpoint() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/v1/batches"));
    }
}
