package dev.marketpipe.archive.api;

import dev.marketpipe.archive.TestArchiveTree;
import dev.marketpipe.archive.backup.BackupConfig;
import dev.marketpipe.archive.backup.BackupService;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.store.ArchiveDay;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import dev.marketpipe.testsupport.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST side of the archive's retention and backup on a running service. Its own profile gives it its own archive
 * root, so its retention runs never touch the files of other tests.
 */
@QuarkusTest
@TestProfile(RetentionAndBackupApiTest.OwnArchive.class)
@WithTestResource(ValidatorMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class RetentionAndBackupApiTest {

    /** A profile of its own: a fresh application, hence a fresh archive root from {@link ValidatorMock}. */
    public static class OwnArchive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.archive.backup.lookback-days", "3");
        }
    }

    @Inject
    ConfiguredArchiveStore store;

    @Inject
    ArchiveRoot root;

    @Inject
    BackupConfig backupConfig;

    @Inject
    BackupService backups;

    @Test
    void aDryRunReportsWhatRetentionWouldDoAndChangesNothing() throws IOException {
        LocalDate today = backups.today();
        ArchiveStore live = store.get();
        TestArchiveTree.put(live, "market_data", "005930", "1m", today.minusDays(45), 0);
        TestArchiveTree.put(live, "market_data", "005930", "1m", today.minusDays(400), 0);
        TestArchiveTree.put(live, "market_data", "005930", "1d", today.minusDays(400), 1);
        Map<String, String> before = TestArchiveTree.snapshot(root.raw());

        given().post("/v1/retention/runs?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("compressed.files", equalTo(2))
                .body("deleted.files", equalTo(1))
                .body("keptCritical.files", equalTo(1));

        assertEquals(before, TestArchiveTree.snapshot(root.raw()));

        given().post("/v1/retention/runs").then().statusCode(200)
                .body("dryRun", equalTo(false))
                .body("deleted.files", equalTo(1));
        given().get(Management.url("/q/metrics")).then().statusCode(200).body(allOf(
                containsString("marketpipe_archive_retention_compressed_bytes_total"),
                containsString("marketpipe_archive_retention_deleted_bytes_total{kind=\"archive\"}"),
                containsString("marketpipe_archive_retention_deleted_bytes_total{kind=\"log\"}"),
                containsString("marketpipe_archive_retention_runs_total{outcome=\"success\"} 1.0"),
                not(containsString("005930"))));
    }

    @Test
    void aBadDryRunFlagIsA400ProblemNotA500() {
        given().post("/v1/retention/runs?dryRun=maybe").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("dryRun must be true or false"));
    }

    @Test
    void aDayIsBackedUpVerifiedAndRestoredBitIdentically() throws IOException {
        LocalDate day = backups.today().minusDays(2);
        ArchiveStore live = store.get();
        List<String> refs = new ArrayList<>();
        for (int minute = 0; minute < 4; minute++) {
            refs.add(TestArchiveTree.put(live, "market_data", "000660", "1m", day, minute));
        }
        TestArchiveTree.put(live, "market_data", "000660", "1m", backups.today(), 0); // today: not finished
        Path dayFolder = root.path().resolve(new ArchiveDay(day).prefix());
        Map<String, String> original = TestArchiveTree.snapshot(dayFolder);

        given().post("/v1/backups").then().statusCode(200)
                .body("trigger", equalTo("api"))
                .body("complete", equalTo(true))
                .body("days.size()", equalTo(1))
                .body("days[0].date", equalTo(day.toString()))
                .body("days[0].copied", equalTo(4));
        Path backupDay = Path.of(backupConfig.root()).resolve(new ArchiveDay(day).prefix());
        assertEquals(original, TestArchiveTree.snapshot(backupDay));
        assertTrue(TestArchiveTree.snapshot(Path.of(backupConfig.root())
                .resolve(new ArchiveDay(backups.today()).prefix())).isEmpty(), "today is not backed up yet");
        given().post("/v1/backups?date=" + day).then().statusCode(200)
                .body("days[0].copied", equalTo(0))
                .body("days[0].present", equalTo(4));

        for (String ref : refs) {
            Files.delete(root.path().resolve(ref));
        }
        given().post("/v1/backups/" + day + "/restore").then().statusCode(200)
                .body("copied", equalTo(4))
                .body("complete", equalTo(true));

        assertEquals(original, TestArchiveTree.snapshot(dayFolder));
        for (String ref : refs) {
            assertArrayEquals(Files.readAllBytes(backupDay.resolve(ref.substring(ref.lastIndexOf('/') + 1))),
                    live.read(ref));
        }
        given().get("/v1/backups").then().statusCode(200)
                .body("target", containsString("filesystem:"))
                .body("running", equalTo(false))
                .body("lastRun.days[0].date", equalTo(day.toString()));
        given().get(Management.url("/q/metrics")).then().statusCode(200).body(allOf(
                containsString("marketpipe_archive_backup_copied_bytes_total"),
                containsString("marketpipe_archive_backup_objects_total{outcome=\"failed\"}"),
                containsString("marketpipe_archive_restore_objects_total{outcome=\"corrupt_source\"}"),
                containsString("marketpipe_archive_backup_last_complete_timestamp_seconds"),
                // market-contracts' CalendarMetrics, bound in every service (KrxCalendarEnding)
                containsString("marketpipe_calendar_last_covered_date_timestamp_seconds")));
    }

    @Test
    void badDatesAre400ProblemsAndAnEmptyBackupDayIs404() {
        for (String path : List.of("/v1/backups?date=2025-13-01", "/v1/backups?date=yesterday",
                "/v1/backups/20250304/restore", "/v1/backups/" + backups.today().plusDays(1) + "/restore")) {
            given().post(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("detail", containsString("date"));
        }
        given().post("/v1/backups/2001-01-02/restore").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing for 2001-01-02"));
    }
}
