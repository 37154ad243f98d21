package dev.marketpipe.loader.quarantine;

import dev.marketpipe.loader.LoaderApi;
import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.testsupport.TestTokens;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.Severity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Quarantine review round trips through the real database: list, approve, reject. Real tokens: the
 * reviewer recorded is the subject of the token that decided.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class QuarantineReviewTest extends LoaderDatabaseTest {

    private static final Instant OPEN_2025_03_04 = Instant.parse("2025-03-04T00:00:00Z"); // 09:00 KST

    @BeforeEach
    void loadAsThePipeline() {
        api = new LoaderApi(objectMapper, TestTokens.withRoles("pipeline"));
    }

    @Test
    void listFiltersByKstDateSymbolReasonAndStatusAndPagesWithoutOverlap() {
        List<QuarantinedBar> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(outOfRange(OPEN_2025_03_04.plusSeconds(60L * i), 150_000 + i));
        }
        held.add(missingOpen(OPEN_2025_03_04.plusSeconds(600)));
        // 15:30 UTC on 03-04 is 00:30 KST on 03-05: a record of the next trading date
        held.add(missingOpen(Instant.parse("2025-03-04T15:30:00Z")));
        api.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE, List.of(), held, List.of()));

        assertEquals(6, list(Map.of("symbol", symbol, "date", "2025-03-04")).size());
        List<Map<String, Object>> nextDay = list(Map.of("symbol", symbol, "date", "2025-03-05"));
        assertEquals(1, nextDay.size());
        assertEquals("2025-03-04T15:30:00Z", nextDay.get(0).get("recordTimestamp"));
        assertEquals(2, list(Map.of("symbol", symbol, "reason", "missing_field")).size());
        assertEquals(5, list(Map.of("symbol", symbol, "reason", "price_out_of_range")).size());
        assertEquals(0, list(Map.of("symbol", symbol, "reason", "tick_size")).size());
        assertEquals(5, list(Map.of("symbol", symbol, "status", "review")).size());
        assertEquals(1, list(Map.of("symbol", symbol, "status", "quarantined", "date", "2025-03-04")).size());

        Set<Object> seen = new HashSet<>();
        for (int offset = 0; offset < 7; offset += 3) {
            List<Map<String, Object>> page = list(Map.of("symbol", symbol, "limit", 3, "offset", offset));
            assertEquals(offset == 6 ? 1 : 3, page.size());
            page.forEach(entry -> assertEquals(true, seen.add(entry.get("id")), "pages overlap at " + entry));
        }
        assertEquals(7, seen.size());
        assertEquals(0, list(Map.of("symbol", symbol, "limit", 3, "offset", 7)).size());
    }

    @Test
    void badFiltersAreProblem400s() {
        assertProblem(reviewer().queryParam("date", "2025-13-40").when().get("/v1/quarantine").then(), 400, "date");
        assertProblem(reviewer().queryParam("status", "maybe").when().get("/v1/quarantine").then(), 400, "status");
        assertProblem(reviewer().queryParam("offset", -1).when().get("/v1/quarantine").then(), 400, "not valid");
        assertProblem(reviewer().queryParam("reason", "x' OR 1=1").when().get("/v1/quarantine").then(), 400,
                "not valid");
        assertProblem(reviewer().queryParam("limit", 0).when().get("/v1/quarantine").then(), 400, "not valid");
    }

    @Test
    void approveLoadsExactlyThatBarWithItsQuarantinedValuesOnce() {
        Instant at = OPEN_2025_03_04.plusSeconds(120);
        api.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE, List.of(),
                List.of(outOfRange(at, 150_000), outOfRange(at.plusSeconds(60), 151_000)), List.of()));
        long id = idAt(at);

        Map<String, Object> approved = decide(id, "approve", "kim").statusCode(200)
                .body("status", is("approved")).body("decidedBy", is("kim"))
                .extract().jsonPath().getMap("$");
        assertNotNull(approved.get("decidedAt"));

        List<Map<String, Object>> rows = db.rows("SELECT \"timestamp\", open, high, low, close, volume, \"value\", "
                + "updated_at FROM market_data_1min WHERE symbol = ?", symbol);
        assertEquals(1, rows.size(), "only the approved bar, not its neighbour still under review");
        Map<String, Object> row = rows.get(0);
        assertEquals(at, ((OffsetDateTime) row.get("timestamp")).toInstant());
        assertSameNumber(new BigDecimal("150000"), row.get("open"));
        assertSameNumber(new BigDecimal("150500"), row.get("high"));
        assertSameNumber(new BigDecimal("149800"), row.get("low"));
        assertSameNumber(new BigDecimal("150200"), row.get("close"));
        assertEquals(10L, row.get("volume"));
        assertSameNumber(new BigDecimal("1502000"), row.get("value"));
        Map<String, Object> stored = db.rows("SELECT status, decided_by, decided_at FROM quarantine WHERE id = ?", id)
                .get(0);
        assertEquals("approved", stored.get("status"));
        assertEquals("kim", stored.get("decided_by"));
        assertEquals(1L, db.count("SELECT count(*) FROM bar_event WHERE symbol = ? AND first_timestamp = ?", symbol,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC)), "the approved bar goes out on the push stream");

        // again, by someone else: nothing new, the first decision answered
        Map<String, Object> again = decide(id, "approve", "lee").statusCode(200)
                .body("decidedBy", is("kim")).extract().jsonPath().getMap("$");
        assertEquals(approved.get("decidedAt"), again.get("decidedAt"));
        List<Map<String, Object>> after = db.rows("SELECT updated_at FROM market_data_1min WHERE symbol = ?", symbol);
        assertEquals(1, after.size());
        assertEquals(row.get("updated_at"), after.get(0).get("updated_at"));
        assertEquals(stored, db.rows("SELECT status, decided_by, decided_at FROM quarantine WHERE id = ?", id).get(0));
    }

    @Test
    void approvedDailyBarLandsOnItsKstTradingDate() {
        Instant at = OPEN_2025_03_04;
        api.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_DAY, List.of(),
                List.of(outOfRange(at, 150_000)), List.of()));
        decide(idAt(at), "approve", "kim").statusCode(200);
        List<Map<String, Object>> rows = db.rows("SELECT \"date\", close, adj_close FROM market_data_daily "
                + "WHERE symbol = ?", symbol);
        assertEquals(1, rows.size());
        assertEquals(LocalDate.parse("2025-03-04"), rows.get(0).get("date"));
        assertSameNumber(new BigDecimal("150200"), rows.get(0).get("close"));
    }

    @Test
    void rejectRecordsTheDecisionAndLoadsNothing() {
        Instant at = OPEN_2025_03_04.plusSeconds(120);
        api.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE, List.of(),
                List.of(outOfRange(at, 150_000)), List.of()));
        long id = idAt(at);

        String decidedAt = decide(id, "reject", "park").statusCode(200).body("status", is("rejected"))
                .body("decidedBy", is("park")).extract().path("decidedAt");
        decide(id, "reject", "park").statusCode(200).body("decidedAt", is(decidedAt));
        assertEquals(0L, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        assertEquals(1, list(Map.of("symbol", symbol, "status", "rejected")).size());

        assertProblem(decide(id, "approve", "kim"), 409, "already rejected by park");
        assertEquals(0L, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
    }

    @Test
    void rejectAfterApproveIsAConflict() {
        Instant at = OPEN_2025_03_04.plusSeconds(120);
        api.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE, List.of(),
                List.of(outOfRange(at, 150_000)), List.of()));
        long id = idAt(at);
        decide(id, "approve", "kim").statusCode(200);
        assertProblem(decide(id, "reject", "park"), 409, "already approved by kim");
        assertEquals("approved", db.value("SELECT status FROM quarantine WHERE id = ?", id));
    }

    @Test
    void unknownIdUnloadableRecordsAndNonReviewersAreRefused() {
        assertProblem(decide(Long.MAX_VALUE, "approve", "kim"), 404, "no quarantined record");
        Instant at = OPEN_2025_03_04.plusSeconds(120);
        api.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE, List.of(),
                List.of(outOfRange(at, 150_000), missingOpen(at.plusSeconds(60))), List.of()));
        long id = idAt(at);
        given().auth().oauth2(TestTokens.token("kim", "operator", "reader")).when()
                .post("/v1/quarantine/" + id + "/approve").then().statusCode(403);
        given().when().post("/v1/quarantine/" + id + "/approve").then().statusCode(401);
        assertEquals("review", db.value("SELECT status FROM quarantine WHERE id = ?", id));

        long missing = idAt(at.plusSeconds(60));
        assertProblem(decide(missing, "approve", "kim"), 422, "has no open");
        assertEquals("quarantined", db.value("SELECT status FROM quarantine WHERE id = ?", missing));

        long orderBook = ((Number) db.value("INSERT INTO quarantine (batch_id, data_type, symbol, record, reasons, "
                + "status) VALUES (?, 'orderbook', ?, '{\"bids\": []}'::jsonb, '[]'::jsonb, 'quarantined') "
                + "RETURNING id", UUID.randomUUID(), symbol)).longValue();
        assertProblem(decide(orderBook, "approve", "kim"), 422, "only market bars");
        decide(orderBook, "reject", "kim").statusCode(200).body("status", is("rejected"));
        assertEquals(0L, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
    }

    @Test
    void racingReviewersGetOneDecisionAndTheOthersAConflictOrTheSameAnswer() throws Exception {
        Instant at = OPEN_2025_03_04.plusSeconds(120);
        api.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE, List.of(),
                List.of(outOfRange(at, 150_000)), List.of()));
        long id = idAt(at);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String decision = i % 2 == 0 ? "approve" : "reject";
                answers.add(pool.submit(() -> {
                    start.await();
                    return decide(id, decision, "r-" + decision).extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get(30, TimeUnit.SECONDS));
            }
            String status = (String) db.value("SELECT status FROM quarantine WHERE id = ?", id);
            assertEquals(4, codes.stream().filter(c -> c == 200).count(), "the winner's side: " + status + " " + codes);
            assertEquals(4, codes.stream().filter(c -> c == 409).count(), codes.toString());
            assertEquals("approved".equals(status) ? 1L : 0L,
                    db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        } finally {
            pool.shutdownNow();
        }
    }

    private ValidatableResponse decide(long id, String decision, String reviewer) {
        return given().auth().oauth2(TestTokens.token(reviewer, "reviewer"))
                .when().post("/v1/quarantine/" + id + "/" + decision).then();
    }

    private static RequestSpecification reviewer() {
        return given().auth().oauth2(TestTokens.token("lee", "reviewer"));
    }

    private List<Map<String, Object>> list(Map<String, ?> query) {
        return reviewer().queryParams(query).when().get("/v1/quarantine").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private long idAt(Instant at) {
        return ((Number) db.value("SELECT id FROM quarantine WHERE symbol = ? AND record_timestamp = ?", symbol,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC))).longValue();
    }

    private QuarantinedBar outOfRange(Instant at, long open) {
        Bar bar = new Bar(at, symbol, BigDecimal.valueOf(open), BigDecimal.valueOf(open + 500),
                BigDecimal.valueOf(open - 200), BigDecimal.valueOf(open + 200), 10L,
                BigDecimal.valueOf((open + 200) * 10));
        return new QuarantinedBar(bar, QuarantineStatus.REVIEW,
                List.of(new QualityIssue("price_out_of_range", Severity.HIGH, at, "close beyond the +-30% limit")));
    }

    private QuarantinedBar missingOpen(Instant at) {
        Bar bar = new Bar(at, symbol, null, new BigDecimal("75500"), new BigDecimal("74800"),
                new BigDecimal("75000"), 10L, null);
        return new QuarantinedBar(bar, QuarantineStatus.QUARANTINED,
                List.of(new QualityIssue("missing_field", Severity.CRITICAL, at, "missing required field: open")));
    }

    private static void assertSameNumber(BigDecimal expected, Object actual) {
        assertEquals(0, expected.compareTo((BigDecimal) actual), () -> expected + " != " + actual);
    }

    private static void assertProblem(ValidatableResponse response, int status, String detailPart) {
        response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(status))
                .body("detail", containsString(detailPart));
    }
}
