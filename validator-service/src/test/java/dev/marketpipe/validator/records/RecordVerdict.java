package dev.marketpipe.validator.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.rules.TickGridRule;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedRecord;
import dev.marketpipe.wire.Severity;
import dev.marketpipe.wire.SourceRole;
import dev.marketpipe.wire.ValidatedBatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What {@link RecordBatchValidator} did with the one record of a batch: accepted (no finding), or quarantined with
 * every reason critical, its normalized form kept as JSON. Test shorthand for the action tables.
 */
record RecordVerdict(boolean accepted, List<String> rules) {

    static final Instant AT = Instant.parse("2025-03-04T01:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    /** The shipped default of {@code marketpipe.validator.account.total-tolerance}: 1 KRW. */
    static final RecordBatchValidator VALIDATOR = new RecordBatchValidator(new AccountRules(BigDecimal.ONE),
            new TickRules(MarketCalendar.krx(), new BigDecimal("0.30"), Optional.of(TickGridRule.krx())), JSON);

    static RecordVerdict of(DataType type, String symbol, BatchRecords records, Object record, Instant timestamp) {
        CollectedBatch batch = new CollectedBatch(UUID.randomUUID(), type, symbol, null, SourceRole.PRIMARY,
                "simulator", AT, AT.plusSeconds(1), 1, AT, 10, 1, "v1.0", "test", null, List.of(),
                "raw/2025/03/04/x.json", records);
        ValidatedBatch verdict = VALIDATOR.validate(batch);
        assertEquals(1, verdict.recordsReceived());
        if (verdict.acceptedRecords().size() == 1) {
            assertEquals(List.of(), verdict.quarantinedRecords());
            assertEquals(1.0, verdict.qualityScore());
            return new RecordVerdict(true, List.of());
        }
        assertEquals(0, verdict.acceptedRecords().size());
        assertEquals(1, verdict.quarantinedRecords().size());
        QuarantinedRecord held = verdict.quarantinedRecords().get(0);
        assertEquals(QuarantineStatus.QUARANTINED, held.status(), "no account or book finding goes to review");
        assertEquals(JSON.valueToTree(record), held.record(), "kept as received");
        assertEquals(timestamp, held.timestamp());
        assertEquals(List.of(), held.issues().stream().filter(i -> i.severity() != Severity.CRITICAL).toList(),
                "every finding critical");
        assertEquals(0.0, verdict.qualityScore());
        return new RecordVerdict(false, held.issues().stream().map(QualityIssue::rule).toList());
    }

    /** {@code accepted}, or the expected rule codes separated by spaces. */
    void assertIs(String expected, String row) {
        if (expected.equals("accepted")) {
            assertEquals(new RecordVerdict(true, List.of()), this, row);
        } else {
            assertEquals(new RecordVerdict(false, List.of(expected.split(" "))), this, row);
        }
    }
}
