package dev.marketpipe.provider.kis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.provider.ResponseFormats;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * KIS minute bars as the official samples describe them ({@code FHKST03010200}/{@code FHKST03010230}): newest first,
 * a fixed number of rows back from the requested time, every number a string, the traded value cumulative.
 */
class KisMinuteBarsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2025, 3, 4);
    private static final String SYMBOL = "005930";

    @Test
    void theMinuteStillFormingIsNoBarAndTheOldestRowOfAFullPageOnlyGivesItsSuccessorAValue() {
        Day day = Day.generate(DAY, 1);
        Instant fetchedAt = kst(DAY, 10, 0).plusSeconds(20);
        JsonNode page = day.page(LocalTime.of(10, 0), KisMinuteBars.TODAY_PAGE_ROWS, fetchedAt);

        List<Bar> bars = ResponseFormats.of(page).bars(page, context(BarInterval.ONE_MINUTE, kst(DAY, 9, 0),
                kst(DAY, 15, 30), fetchedAt));

        assertEquals(28, bars.size(), "09:31 is only the predecessor, 10:00 is still forming");
        assertEquals(kst(DAY, 9, 32), bars.get(0).timestamp());
        assertEquals(kst(DAY, 9, 59), bars.get(27).timestamp());
        for (Bar bar : bars) {
            assertEquals(day.minute(bar.timestamp()), bar, "values are the differences of the cumulative value");
        }
    }

    @Test
    void aShortPageStartsTheDaySoItsOldestRowIsABarWithItsCumulativeValue() {
        Day day = Day.generate(DAY, 2);
        Instant fetchedAt = kst(DAY, 9, 5).plusSeconds(30);
        JsonNode page = day.page(LocalTime.of(9, 5), KisMinuteBars.TODAY_PAGE_ROWS, fetchedAt);

        List<Bar> bars = KisMinuteBars.bars(page, context(BarInterval.ONE_MINUTE, kst(DAY, 9, 0), kst(DAY, 9, 5),
                fetchedAt));

        assertEquals(5, bars.size());
        assertEquals(day.minute(kst(DAY, 9, 0)), bars.get(0));
        assertEquals(Optional.empty(), KisMinuteBars.nextPageEnd(page, context(BarInterval.ONE_MINUTE,
                kst(DAY, 9, 0), kst(DAY, 9, 5), fetchedAt)));
    }

    @ParameterizedTest(name = "{0} pages of {1} rows, fetched {2} days later")
    @CsvSource({"1m, 30, 0", "1m, 120, 1", "5m, 30, 0", "5m, 120, 3"})
    void pagingThroughADayReadsEveryBarExactlyOnce(String interval, int pageRows, int daysLater) {
        Day day = Day.generate(DAY, 3);
        BarInterval barInterval = BarInterval.fromCode(interval);
        Instant fetchedAt = kst(DAY.plusDays(daysLater), 16, 0);
        ResponseContext context = context(barInterval, kst(DAY, 9, 0), kst(DAY, 15, 30), fetchedAt);

        List<Bar> read = new ArrayList<>();
        int pages = 0;
        for (Optional<Instant> end = Optional.of(kst(DAY, 15, 29)); end.isPresent(); pages++) {
            LocalTime until = LocalTime.ofInstant(end.get(), KisTimes.KST);
            JsonNode page = day.page(until, pageRows, fetchedAt);
            read.addAll(KisMinuteBars.bars(page, context));
            end = KisMinuteBars.nextPageEnd(page, context);
        }

        List<Bar> expected = barInterval == BarInterval.ONE_MINUTE ? day.minutes() : day.fiveMinuteBars();
        read.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
        assertEquals(expected, read);
        assertTrue(pages <= 390 / (pageRows - 5) + 2, "pages overlap by one bucket at most: " + pages);
    }

    @Test
    void aRowWhoseTimeCannotBeReadBecomesABarWithoutTimestampAndBlankNumbersAreMissing() {
        Day day = Day.generate(DAY, 4);
        Instant fetchedAt = kst(DAY, 12, 0);
        ObjectNode page = (ObjectNode) day.page(LocalTime.of(11, 59), KisMinuteBars.TODAY_PAGE_ROWS, fetchedAt);
        ((ObjectNode) page.get("output2").get(0)).put("stck_cntg_hour", "11:59");
        ((ObjectNode) page.get("output2").get(1)).put("cntg_vol", " ");

        List<Bar> bars = KisMinuteBars.bars(page, context(BarInterval.ONE_MINUTE, kst(DAY, 9, 0), kst(DAY, 15, 30),
                fetchedAt));

        assertNull(bars.get(0).timestamp());
        assertEquals(List.of("timestamp"), bars.get(0).missingRequiredFields());
        Bar blankVolume = bars.stream().filter(b -> kst(DAY, 11, 58).equals(b.timestamp())).findFirst().orElseThrow();
        assertEquals(List.of("volume"), blankVolume.missingRequiredFields());
    }

    @Test
    void aFiveMinuteBucketWithAMissingOrInconsistentMinuteIsNotAddedUp() {
        Day day = Day.generate(DAY, 6);
        Instant fetchedAt = kst(DAY, 16, 0);
        ObjectNode page = (ObjectNode) day.page(LocalTime.of(9, 29), KisMinuteBars.TODAY_PAGE_ROWS, fetchedAt);
        ArrayNode rows = (ArrayNode) page.get("output2");
        ((ObjectNode) rows.get(2)).put("cntg_vol", "-120");   // 09:27: negative volume
        rows.remove(12);                                       // 09:17: missing

        List<Bar> bars = KisMinuteBars.bars(page, context(BarInterval.FIVE_MINUTES, kst(DAY, 9, 0), kst(DAY, 9, 30),
                fetchedAt));

        assertEquals(6, bars.size());
        for (Bar bar : bars) {
            boolean spoiled = bar.timestamp().equals(kst(DAY, 9, 25)) || bar.timestamp().equals(kst(DAY, 9, 15));
            assertEquals(spoiled ? List.of("open", "high", "low", "close", "volume") : List.of(),
                    bar.missingRequiredFields(), bar.timestamp().toString());
        }
    }

    @Test
    void aWindowOverSeveralDaysContinuesWithThePreviousTradingDay() {
        LocalDate monday = LocalDate.of(2025, 3, 10);
        LocalDate friday = LocalDate.of(2025, 3, 7);
        Day day = Day.generate(monday, 5);
        Instant fetchedAt = kst(monday.plusDays(1), 8, 0);
        JsonNode dayStart = day.page(LocalTime.of(9, 10), KisMinuteBars.PAST_PAGE_ROWS, fetchedAt);

        assertEquals(Optional.of(kst(friday, 15, 29)), KisMinuteBars.nextPageEnd(dayStart,
                context(BarInterval.ONE_MINUTE, kst(friday, 9, 0), kst(monday, 15, 30), fetchedAt)));
        assertEquals(Optional.empty(), KisMinuteBars.nextPageEnd(dayStart,
                context(BarInterval.ONE_MINUTE, kst(monday, 9, 0), kst(monday, 15, 30), fetchedAt)));
    }

    static ResponseContext context(BarInterval interval, Instant from, Instant to, Instant fetchedAt) {
        return ResponseContext.market(SYMBOL, interval, from, to, fetchedAt);
    }

    static Instant kst(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(KisTimes.KST).toInstant();
    }

    /** A seeded trading day of 390 one-minute bars, served as KIS would. */
    record Day(LocalDate date, List<Bar> minutes) {

        static Day generate(LocalDate date, long seed) {
            Random random = new Random(seed);
            List<Bar> minutes = new ArrayList<>();
            long price = 70_000;
            for (int m = 0; m < 390; m++) {
                long open = price;
                long close = Math.max(100, open + 100L * (random.nextInt(11) - 5));
                long high = Math.max(open, close) + 100L * random.nextInt(3);
                long low = Math.min(open, close) - 100L * random.nextInt(3);
                long volume = random.nextInt(5000);
                minutes.add(new Bar(kst(date, 9, 0).plusSeconds(60L * m), SYMBOL, bd(open), bd(high), bd(low),
                        bd(close), volume, bd(volume * close)));
                price = close;
            }
            return new Day(date, minutes);
        }

        Bar minute(Instant start) {
            return minutes.stream().filter(b -> b.timestamp().equals(start)).findFirst().orElseThrow();
        }

        List<Bar> fiveMinuteBars() {
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < minutes.size(); i += 5) {
                List<Bar> bucket = minutes.subList(i, i + 5);
                bars.add(new Bar(bucket.get(0).timestamp(), SYMBOL, bucket.get(0).open(),
                        bucket.stream().map(Bar::high).reduce(BigDecimal::max).orElseThrow(),
                        bucket.stream().map(Bar::low).reduce(BigDecimal::min).orElseThrow(), bucket.get(4).close(),
                        bucket.stream().mapToLong(Bar::volume).sum(),
                        bucket.stream().map(Bar::value).reduce(BigDecimal::add).orElseThrow()));
            }
            return bars;
        }

        /** The answer to "minute bars up to {@code until}": at most {@code rows} rows, newest first. */
        JsonNode page(LocalTime until, int rows, Instant fetchedAt) {
            Map<Instant, BigDecimal> cumulative = new HashMap<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (Bar bar : minutes) {
                sum = sum.add(bar.value());
                cumulative.put(bar.timestamp(), sum);
            }
            ObjectNode root = MAPPER.createObjectNode().put("rt_cd", "0").put("msg_cd", "MCA00000")
                    .put("msg1", "정상처리 되었습니다.");
            root.putObject("output1").put("stck_prpr", minutes.get(0).close().toPlainString());
            ArrayNode output2 = root.putArray("output2");
            Instant last = date.atTime(until).atZone(KisTimes.KST).toInstant();
            for (int m = minutes.size() - 1; m >= 0 && output2.size() < rows; m--) {
                Bar bar = minutes.get(m);
                if (bar.timestamp().isAfter(last) || bar.timestamp().isAfter(fetchedAt)) {
                    continue;
                }
                output2.addObject()
                        .put("stck_bsop_date", KisTimes.DATE.format(date))
                        .put("stck_cntg_hour", KisTimes.TIME.format(LocalTime.ofInstant(bar.timestamp(), KisTimes.KST)))
                        .put("stck_prpr", bar.close().toPlainString())
                        .put("stck_oprc", bar.open().toPlainString())
                        .put("stck_hgpr", bar.high().toPlainString())
                        .put("stck_lwpr", bar.low().toPlainString())
                        .put("cntg_vol", bar.volume().toString())
                        .put("acml_tr_pbmn", cumulative.get(bar.timestamp()).toPlainString());
            }
            return root;
        }

        private static BigDecimal bd(long value) {
            return BigDecimal.valueOf(value);
        }
    }
}
