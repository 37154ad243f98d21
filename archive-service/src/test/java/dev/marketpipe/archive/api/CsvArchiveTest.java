package dev.marketpipe.archive.api;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import dev.marketpipe.archive.store.StoredObject;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code marketpipe.archive.csv-data-types=market_data}: bars also as CSV, other types JSON only. */
@QuarkusTest
@TestProfile(CsvArchiveTest.CsvForMarketData.class)
@WithTestResource(ValidatorMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class CsvArchiveTest {

    public static class CsvForMarketData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.archive.csv-data-types", "market_data");
        }
    }

    @Inject
    ConfiguredArchiveStore store;

    @Test
    void marketDataIsArchivedAsJsonEnvelopeAndCsv() throws IOException {
        post(TestBatches.body(UUID.randomUUID(), "CSV1", "2025-03-12T00:00:00Z"));

        assertEquals(List.of("raw/2025/03/12/market_data_CSV1_20250312_090000.csv",
                "raw/2025/03/12/market_data_CSV1_20250312_090000.json"), refs("raw/2025/03/12/market_data_CSV1"));
        String csv = new String(store.get().read("raw/2025/03/12/market_data_CSV1_20250312_090000.csv"),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("timestamp,symbol,open,high,low,close,volume\r\n"), csv);
        assertTrue(csv.contains(",005930,75000,75500,74800,75200.50,1500000\r\n"), csv);
    }

    @Test
    void accountInfoStaysJsonOnly() throws IOException {
        post(TestBatches.body(UUID.randomUUID(), "account_info", null, "2025-03-12T00:05:00Z", "{\"balance\":1}"));

        assertEquals(List.of("raw/2025/03/12/account_info_20250312_090500.json"),
                refs("raw/2025/03/12/account_info"));
    }

    private List<String> refs(String prefix) throws IOException {
        return store.get().list(prefix).stream().map(StoredObject::ref).toList();
    }

    private static void post(String body) {
        given().contentType(ContentType.JSON).body(body).post("/v1/batches").then().statusCode(201);
    }
}
