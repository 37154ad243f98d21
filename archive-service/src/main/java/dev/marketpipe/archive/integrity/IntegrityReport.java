package dev.marketpipe.archive.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What {@code GET /v1/integrity} found for one archive day: each envelope the index knows is ok (plain or
 * compressed by retention), missing, expired (missing where retention may have deleted it), or corrupt; each file
 * of the day's folder the index does not know is an orphan.
 *
 * @param ok            refs whose file matches the SHA-256 recorded at intake
 * @param compressedOk  refs kept gzipped ({@code ref.gz}) whose decompressed content matches
 * @param missing       neither {@code ref} nor {@code ref.gz} exists, in a day younger than the retention age
 * @param expired       neither exists, in a day older than {@code marketpipe.archive.integrity.expired-after}
 * @param corrupt       content differs from what was archived, or the gzip file is damaged
 * @param orphans       files of the day's folder no archived batch refers to (e.g. written by an intake that
 *                      crashed and was never retried)
 * @param pendingIntake batches reserved in the day's index whose intake has not finished (nothing to check yet)
 */
@RegisterForReflection
public record IntegrityReport(LocalDate date, Instant checkedAt, Counts counts, List<String> ok,
                              List<String> compressedOk, List<Finding> missing, List<Finding> expired,
                              List<Finding> corrupt, List<String> orphans, List<UUID> pendingIntake) {

    /** The sizes of the lists; {@code indexed} is every batch of the day's index, pending ones included. */
    @RegisterForReflection
    public record Counts(int indexed, int ok, int compressedOk, int missing, int expired, int corrupt, int orphans,
                         int pendingIntake) {
    }

    /**
     * One envelope that is not as archived.
     *
     * @param actualSha256 SHA-256 of what was read, when something could be read
     * @param problem      what is wrong, for a person
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(UUID batchId, String archiveRef, String expectedSha256, String actualSha256,
                          String problem) {
    }
}
