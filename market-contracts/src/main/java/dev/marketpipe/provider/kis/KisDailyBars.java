package dev.marketpipe.provider.kis;

import static dev.marketpipe.provider.RawFields.decimal;
import static dev.marketpipe.provider.RawFields.whole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.wire.Bar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Daily bars of KIS ({@code FHKST03010100}, period {@code D}): {@code output2} rows of {@code stck_bsop_date},
 * {@code stck_oprc/hgpr/lwpr/clpr}, {@code acml_vol} and {@code acml_tr_pbmn} (the day's total: cumulative within the
 * day, so it is the bar's value), at most {@link #PAGE_ROWS} a call, for a date range. KIS gives original or
 * adjusted prices per call ({@code FID_ORG_ADJ_PRC}); a page is asked both ways and the two answers are kept side by
 * side, each exactly as received ({@link #pair}): the bar's prices are the original ones, its adjusted close the
 * adjusted answer's {@code stck_clpr} of the same date. A bar is stamped with its session's open (as every daily bar
 * in marketpipe); a day whose session had not closed when the answer was fetched is no final bar.
 */
public final class KisDailyBars {

    private static final String ORIGINAL = "original";
    private static final String ADJUSTED = "adjusted";

    /** Rows of a full page. */
    public static final int PAGE_ROWS = 100;

    private KisDailyBars() {
    }

    /** The two answers of one page, kept together: {@code {"original": …, "adjusted": …}}. */
    public static JsonNode pair(JsonNode original, JsonNode adjusted) {
        ObjectNode pair = JsonNodeFactory.instance.objectNode();
        pair.set(ORIGINAL, original);
        pair.set(ADJUSTED, adjusted);
        return pair;
    }

    /** Whether {@code raw} is such a pair of KIS answers. */
    static boolean isPair(JsonNode raw) {
        return raw != null && raw.isObject() && raw.path(ORIGINAL).has("rt_cd");
    }

    static List<Bar> bars(JsonNode raw, ResponseContext context) {
        List<Dated> rows = rows(original(raw));
        Map<LocalDate, BigDecimal> adjustedCloses = new HashMap<>();
        if (isPair(raw)) {
            for (Dated row : rows(raw.get(ADJUSTED))) {
                adjustedCloses.put(row.date(), decimal(row.record().get("stck_clpr")));
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (Dated row : rows) {
            Instant open = row.date() == null ? null : KisTimes.sessionOpen(row.date());
            if (row.date() != null && context.fetchedAt() != null
                    && KisTimes.sessionClose(row.date()).isAfter(context.fetchedAt())) {
                continue; // the day is still trading
            }
            JsonNode r = row.record();
            bars.add(new Bar(open, context.symbol(), decimal(r.get("stck_oprc")), decimal(r.get("stck_hgpr")),
                    decimal(r.get("stck_lwpr")), decimal(r.get("stck_clpr")), whole(r.get("acml_vol")),
                    decimal(r.get("acml_tr_pbmn")), row.date() == null ? null : adjustedCloses.get(row.date())));
        }
        return bars;
    }

    /**
     * The last date the next page must hold, or empty when {@code raw} completes the range from {@code from}: a full
     * page continues the day before its oldest row.
     */
    public static Optional<LocalDate> nextPageEnd(JsonNode raw, LocalDate from) {
        List<Dated> rows = rows(original(raw)).stream().filter(r -> r.date() != null).toList();
        if (rows.size() < PAGE_ROWS) {
            return Optional.empty();
        }
        LocalDate next = rows.get(0).date().minusDays(1);
        return next.isBefore(from) ? Optional.empty() : Optional.of(next);
    }

    private static JsonNode original(JsonNode raw) {
        return isPair(raw) ? raw.get(ORIGINAL) : raw;
    }

    private static List<Dated> rows(JsonNode raw) {
        List<Dated> rows = new ArrayList<>();
        for (JsonNode record : KisRows.of(raw, "output2")) {
            rows.add(new Dated(KisTimes.date(record.get("stck_bsop_date")), record));
        }
        rows.sort(Comparator.comparing(Dated::date, Comparator.nullsFirst(Comparator.naturalOrder())));
        return rows;
    }

    private record Dated(LocalDate date, JsonNode record) {
    }
}
