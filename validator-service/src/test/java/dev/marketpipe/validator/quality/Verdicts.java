package dev.marketpipe.validator.quality;

import dev.marketpipe.validator.Bars;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.Severity;
import dev.marketpipe.wire.SourceRole;
import dev.marketpipe.wire.ValidatedBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test shorthand: a one-minute bar verdict with a given number of clean, flagged, held-back and duplicate records. */
final class Verdicts {

    private Verdicts() {
    }

    /** Records one minute apart from {@code start}, in the order clean, flagged, quarantined; duplicates at start. */
    static ValidatedBatch bars(String symbol, String start, int clean, int flagged, int quarantined, int duplicates) {
        Instant at = Instant.parse(start);
        List<AcceptedBar> accepted = new ArrayList<>();
        List<QuarantinedBar> held = new ArrayList<>();
        List<QualityIssue> batchIssues = new ArrayList<>();
        int minute = 0;
        for (int i = 0; i < clean; i++) {
            accepted.add(new AcceptedBar(Bars.withSymbol(Bars.bar(at.plusSeconds(60L * minute++).toString()), symbol),
                    List.of()));
        }
        for (int i = 0; i < flagged; i++) {
            Instant ts = at.plusSeconds(60L * minute++);
            accepted.add(new AcceptedBar(Bars.withSymbol(Bars.bar(ts.toString()), symbol),
                    List.of(new QualityIssue(RuleCodes.VOLUME_ZERO, Severity.LOW, ts, "volume 0"))));
        }
        for (int i = 0; i < quarantined; i++) {
            Instant ts = at.plusSeconds(60L * minute++);
            held.add(new QuarantinedBar(Bars.withSymbol(Bars.bar(ts.toString()), symbol), QuarantineStatus.QUARANTINED,
                    List.of(new QualityIssue(RuleCodes.OHLC_INCONSISTENT, Severity.CRITICAL, ts, "high < low"))));
        }
        for (int i = 0; i < duplicates; i++) {
            batchIssues.add(new QualityIssue(RuleCodes.DUPLICATE_TIMESTAMP, Severity.HIGH, at, "superseded"));
        }
        int received = clean + flagged + quarantined + duplicates;
        return new ValidatedBatch(UUID.randomUUID(), DataType.MARKET_DATA, symbol, BarInterval.ONE_MINUTE,
                SourceRole.PRIMARY, "raw/x.json", at, 1, received, accepted, held, batchIssues,
                BatchOutcomes.score(clean, received));
    }
}
