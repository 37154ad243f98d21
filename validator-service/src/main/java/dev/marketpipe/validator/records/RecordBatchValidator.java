package dev.marketpipe.validator.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.validator.quality.BatchOutcomes;
import dev.marketpipe.wire.AccountSnapshot;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.OrderRecord;
import dev.marketpipe.wire.Position;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedRecord;
import dev.marketpipe.wire.Tick;
import dev.marketpipe.wire.ValidatedBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The verdict on an order-book, account or tick batch: each record is accepted (into the list of its type) or
 * quarantined with its reasons, so every record ends in exactly one place. Plain Java, no I/O.
 */
public final class RecordBatchValidator {

    private final AccountRules accountRules;
    private final TickRules tickRules;
    private final ObjectMapper json;

    public RecordBatchValidator(AccountRules accountRules, TickRules tickRules, ObjectMapper json) {
        this.accountRules = accountRules;
        this.tickRules = tickRules;
        this.json = json;
    }

    public ValidatedBatch validate(CollectedBatch batch) {
        BatchRecords records = batch.records();
        List<QuarantinedRecord> quarantined = new ArrayList<>();
        BatchRecords accepted = switch (batch.dataType()) {
            case ORDERBOOK -> BatchRecords.ofOrderBooks(sort(records.orderBooks(),
                    b -> OrderBookRules.check(b, batch.symbol()), OrderBookSnapshot::timestamp, quarantined));
            case ACCOUNT_INFO -> BatchRecords.ofAccounts(sort(records.accounts(), accountRules::check,
                    AccountSnapshot::timestamp, quarantined));
            case POSITIONS -> BatchRecords.ofPositions(sort(records.positions(), accountRules::check,
                    Position::timestamp, quarantined));
            case ORDERS -> BatchRecords.ofOrders(sort(records.orders(), accountRules::check,
                    OrderRecord::orderedAt, quarantined));
            case TICKS -> BatchRecords.ofTicks(sort(records.ticks(),
                    tickRules.check(records.ticks(), batch.symbol()), Tick::timestamp, quarantined));
            case MARKET_DATA -> throw new IllegalArgumentException("bars are validated by BatchValidator");
        };
        int received = records.size();
        double score = BatchOutcomes.score(accepted.size(), received);
        return new ValidatedBatch(batch.batchId(), batch.dataType(), batch.symbol(), batch.interval(),
                batch.source(), batch.archiveRef(), batch.fetchedAt(), batch.apiLatencyMs(), received, List.of(),
                List.of(), List.of(), score, accepted, List.copyOf(quarantined));
    }

    private <T> List<T> sort(List<T> records, Function<T, List<QualityIssue>> rules, Function<T, Instant> time,
            List<QuarantinedRecord> quarantined) {
        return sort(records, records.stream().map(rules).toList(), time, quarantined);
    }

    /** {@code findings.get(i)} are the findings of {@code records.get(i)} (rules that look at a record's neighbours). */
    private <T> List<T> sort(List<T> records, List<List<QualityIssue>> findings, Function<T, Instant> time,
            List<QuarantinedRecord> quarantined) {
        List<T> accepted = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            T record = records.get(i);
            List<QualityIssue> issues = findings.get(i);
            if (issues.isEmpty()) {
                accepted.add(record);
            } else {
                quarantined.add(new QuarantinedRecord(json.valueToTree(record), time.apply(record),
                        QuarantineStatus.QUARANTINED, issues));
            }
        }
        return List.copyOf(accepted);
    }
}
