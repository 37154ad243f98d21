package dev.marketpipe.validator.quality;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The data quality score: share of received records accepted without a flag. */
class BatchOutcomesTest {

    @ParameterizedTest(name = "{0} clean, {1} flagged, {2} quarantined, {3} duplicates -> {4}")
    @CsvSource({
            // clean, flagged, quarantined, duplicates, score
            "0, 0, 0, 0, 1.0",     // nothing received: nothing failed
            "10, 0, 0, 0, 1.0",
            "0, 10, 0, 0, 0.0",    // a flag is not clean
            "0, 0, 10, 0, 0.0",
            "98, 1, 1, 0, 0.98",   // exactly the KPI's alert threshold
            "97, 2, 1, 0, 0.97",
            "99, 0, 0, 1, 0.99",   // a superseded duplicate counts as received, not clean
            "1, 1, 1, 1, 0.25",
    })
    void scoreIsCleanOverReceived(int clean, int flagged, int quarantined, int duplicates, double score) {
        BatchOutcomes outcomes = BatchOutcomes.of(
                Verdicts.bars("005930", "2025-03-04T00:00:00Z", clean, flagged, quarantined, duplicates));

        assertEquals(new BatchOutcomes(clean, flagged, quarantined, clean + flagged + quarantined + duplicates),
                outcomes);
        assertEquals(score, outcomes.score(), 1e-12);
    }
}
