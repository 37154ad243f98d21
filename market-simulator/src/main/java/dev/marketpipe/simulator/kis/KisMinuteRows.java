package dev.marketpipe.simulator.kis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.provider.kis.KisTimes;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.ServedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * KIS minute rows of one symbol and day from the simulator's served 1-minute records (the same records, corrupted
 * ones included, that {@code GET /market/data} serves): newest first, at most {@code maxRows} back from a time.
 * {@code acml_tr_pbmn} is the day's traded value up to and including the row (in the order the records are served),
 * so the difference of two rows is a minute's value. During the session the first row is the minute still trading:
 * so far only its opening price and part of its volume, as a real feed would show it.
 */
final class KisMinuteRows {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private KisMinuteRows() {
    }

    /**
     * @param until       the newest minute asked for ({@code FID_INPUT_HOUR_1}); a later one than now means now
     * @param serveFuture whether minutes that have not happened yet are served (the simulator's switch)
     */
    static void write(ArrayNode output2, BarGenerator bars, String symbol, LocalDate date, LocalDateTime until,
            Instant now, int maxRows, boolean serveFuture) {
        ZoneId zone = bars.calendar().zone();
        Optional<Session> session = bars.calendar().session(date);
        if (session.isEmpty()) {
            return;
        }
        Instant last = until.atZone(zone).toInstant();
        List<ServedBar> served = new ArrayList<>(bars.servedRecords(symbol, BarInterval.ONE_MINUTE, date));
        served.sort(Comparator.comparing((ServedBar s) -> s.bar().timestamp()));
        List<Row> rows = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        for (ServedBar record : served) {
            Bar bar = record.bar();
            boolean complete = serveFuture || !record.slot().plus(MINUTE).isAfter(now);
            boolean trading = !complete && !record.slot().isAfter(now);
            if (!complete && !trading) {
                continue; // has not happened yet
            }
            Bar shown = complete ? bar : forming(bar, record.slot(), now);
            cumulative = cumulative.add(shown.value() == null ? BigDecimal.ZERO : shown.value());
            if (!shown.timestamp().isAfter(last)) {
                rows.add(new Row(shown, cumulative));
            }
        }
        for (int i = rows.size() - 1; i >= 0 && rows.size() - 1 - i < maxRows; i--) {
            Row row = rows.get(i);
            LocalDateTime at = LocalDateTime.ofInstant(row.bar().timestamp(), zone);
            output2.addObject()
                    .put("stck_bsop_date", KisTimes.DATE.format(at))
                    .put("stck_cntg_hour", KisTimes.TIME.format(at))
                    .put("stck_prpr", KisAnswers.number(row.bar().close()))
                    .put("stck_oprc", KisAnswers.number(row.bar().open()))
                    .put("stck_hgpr", KisAnswers.number(row.bar().high()))
                    .put("stck_lwpr", KisAnswers.number(row.bar().low()))
                    .put("cntg_vol", KisAnswers.number(row.bar().volume()))
                    .put("acml_tr_pbmn", row.cumulative().toPlainString());
        }
    }

    /** The minute so far: traded at its opening price only, with the share of its volume of the elapsed seconds. */
    private static Bar forming(Bar bar, Instant slot, Instant now) {
        long elapsed = Math.max(1, Duration.between(slot, now).toSeconds());
        long volume = bar.volume() == null ? 0 : Math.max(0, bar.volume() * elapsed / MINUTE.toSeconds());
        BigDecimal price = bar.open();
        return new Bar(bar.timestamp(), bar.symbol(), price, price, price, price, volume,
                price == null ? null : price.multiply(BigDecimal.valueOf(volume)));
    }

    private record Row(Bar bar, BigDecimal cumulative) {
    }
}
