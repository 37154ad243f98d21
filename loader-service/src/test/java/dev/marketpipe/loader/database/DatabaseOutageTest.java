package dev.marketpipe.loader.database;

import dev.marketpipe.loader.LoaderApi;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.testsupport.PostgresTestResource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Database connection lost: 503 while PostgreSQL is down (the outbox retries), and recovery without restart. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class DatabaseOutageTest {

    @Inject
    ObjectMapper objectMapper;

    @Test
    void unreachableDatabaseAnswers503AndTheLoaderRecoversWhenItReturns() {
        Optional<String> script = ConfigProvider.getConfig()
                .getOptionalValue(PostgresTestResource.SCRIPT_PROPERTY, String.class);
        Assumptions.assumeTrue(script.isPresent(), "only with the throwaway cluster this test run started");
        String dir = ConfigProvider.getConfig().getValue(PostgresTestResource.DIR_PROPERTY, String.class);
        String port = ConfigProvider.getConfig().getValue(PostgresTestResource.PORT_PROPERTY, String.class);
        LoaderApi api = new LoaderApi(objectMapper);
        String symbol = TestBatches.uniqueSymbol();
        ValidatedBatch batch = TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, Instant.parse("2025-03-04T00:00:00Z"), BarInterval.ONE_MINUTE, 5));
        given().when().get(Management.url("/q/health/ready")).then().statusCode(200)
                .body("checks.find { it.name == 'database_connection' }.status", is("UP"));

        PostgresTestResource.run(script.get(), "stop", dir);
        boolean running = false;
        try {
            api.post(batch).statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", is(503))
                    .body("detail", is("the database is unreachable; retry later"));
            given().queryParam("symbol", symbol).queryParam("interval", "1m").queryParam("from", "2025-03-04")
                    .queryParam("to", "2025-03-05").when().get("/v1/bars").then().statusCode(503);
            given().when().get(Management.url("/q/health/ready")).then().statusCode(503).body("status", is("DOWN"))
                    .body("checks.find { it.name == 'database_connection' }.status", is("DOWN"));
            given().when().get(Management.url("/q/health/live")).then().statusCode(200);

            PostgresTestResource.run(script.get(), "start", dir, port);
            running = true;
        } finally {
            if (!running) {
                PostgresTestResource.run(script.get(), "start", dir, port);
            }
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().when().get(Management.url("/q/health/ready")).then().statusCode(200));
        api.post(batch).statusCode(200).body("rowsChanged", is(5)).body("duplicate", is(false));
    }
}
