package dev.marketpipe.validator.validation;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.market.KrxTickSize;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.validator.rules.RuleSet;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.SourceRole;
import dev.marketpipe.wire.ValidatedBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated data, fixed seeds: thousands of sound bars pass untouched, and every kind of injected corruption is
 * caught by the right rule with the right action while the rest of the batch stays untouched.
 */
class GeneratedBatchesTest {

    private static final MarketCalendar KRX = MarketCalendar.krx();
    private static final long SEED = 20250304L;
    private static final int TRIALS = 25;

    private final BatchValidator validator = new BatchValidator(KRX,
            RuleSet.standard(KRX, new BigDecimal("0.30"), 999_999_999L), Duration.ofDays(400));

    private static CollectedBatch batch(BarInterval interval, Instant from, Instant to, List<Bar> bars) {
        return new CollectedBatch(UUID.randomUUID(), DataType.MARKET_DATA, SyntheticMarket.SYMBOL, interval,
                SourceRole.PRIMARY, "simulator", from, to, 1, to, 10, 1, "v1.0", "test", null, bars, null);
    }

    private static CollectedBatch dayBatch(LocalDate day, BarInterval interval, List<Bar> bars) {
        var session = KRX.session(day).orElseThrow();
        return batch(interval, session.open(), session.close(), bars);
    }

    private static List<Bar> acceptedBars(ValidatedBatch verdict) {
        return verdict.accepted().stream().map(AcceptedBar::bar).toList();
    }

    @Test
    void thousandsOfSoundBarsPassUntouched() {
        SyntheticMarket market = new SyntheticMarket(SEED, KRX);
        List<LocalDate> tradingDays = KRX.tradingDays(LocalDate.parse("2025-01-02"), LocalDate.parse("2025-12-30"));
        Map<LocalDate, BigDecimal> closes = new HashMap<>();
        PreviousCloseSource source = (symbol, day, previous) -> Optional.ofNullable(closes.get(day));
        int bars = 0;

        for (int i = 0; i < 12; i++) {
            LocalDate day = tradingDays.get(market.random().nextInt(tradingDays.size()));
            long previousClose = market.nextPrice(70_000);
            closes.put(day, BigDecimal.valueOf(previousClose));
            BarInterval interval = i % 4 == 3 ? BarInterval.FIVE_MINUTES : BarInterval.ONE_MINUTE;
            List<Bar> session = market.session(day, interval, previousClose);

            ValidatedBatch verdict = validator.validate(dayBatch(day, interval, session), source);

            assertCleanPass(session, verdict);
            bars += session.size();
        }
        List<Bar> year = market.dailySeries(tradingDays, 70_000);
        closes.put(tradingDays.get(0), BigDecimal.valueOf(70_000));
        ValidatedBatch daily = validator.validate(batch(BarInterval.ONE_DAY, Instant.parse("2025-01-01T15:00:00Z"),
                Instant.parse("2025-12-30T15:00:00Z"), year), source);
        assertCleanPass(year, daily);
        bars += year.size();

        assertTrue(bars > 3_000, "generated " + bars + " bars");
    }

    private static void assertCleanPass(List<Bar> input, ValidatedBatch verdict) {
        assertEquals(input, acceptedBars(verdict), "accepted exactly as received, in order");
        assertTrue(verdict.accepted().stream().allMatch(a -> a.flags().isEmpty()), "no flags");
        assertEquals(List.of(), verdict.quarantined());
        assertEquals(List.of(), verdict.batchIssues());
        assertEquals(1.0, verdict.qualityScore());
    }

    /** One kind of damage, the rule that must catch it, and what must happen to the damaged record. */
    enum Corruption {
        MISSING_FIELD(RuleCodes.MISSING_FIELD, QuarantineStatus.QUARANTINED),
        PRICE_ZERO(RuleCodes.PRICE_NOT_POSITIVE, QuarantineStatus.QUARANTINED),
        PRICE_NEGATIVE(RuleCodes.PRICE_NOT_POSITIVE, QuarantineStatus.QUARANTINED),
        VOLUME_NEGATIVE(RuleCodes.VOLUME_NEGATIVE, QuarantineStatus.QUARANTINED),
        VOLUME_UNREALISTIC(RuleCodes.VOLUME_UNREALISTIC, QuarantineStatus.QUARANTINED),
        VOLUME_ZERO(RuleCodes.VOLUME_ZERO, null),
        OUTSIDE_SESSION(RuleCodes.OUTSIDE_SESSION, QuarantineStatus.QUARANTINED),
        PRICE_LIMIT(RuleCodes.PRICE_OUT_OF_RANGE, QuarantineStatus.REVIEW),
        OFF_TICK(RuleCodes.PRICE_OFF_TICK, QuarantineStatus.REVIEW),
        SYMBOL_MISMATCH(RuleCodes.SYMBOL_MISMATCH, QuarantineStatus.QUARANTINED),
        HIGH_BELOW_LOW(RuleCodes.OHLC_INCONSISTENT, QuarantineStatus.QUARANTINED),
        DUPLICATE(RuleCodes.DUPLICATE_TIMESTAMP, null),
        SWAPPED(RuleCodes.OUT_OF_ORDER, null),
        DELETED(RuleCodes.GAP, null);

        final String rule;
        /** For record rules: the status of the damaged record; null = accepted (flagged) or a batch issue. */
        final QuarantineStatus status;

        Corruption(String rule, QuarantineStatus status) {
            this.rule = rule;
            this.status = status;
        }
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void injectedCorruptionIsCaughtByItsRuleWithItsAction(Corruption corruption) {
        SyntheticMarket market = new SyntheticMarket(SEED + corruption.ordinal(), KRX);
        Random random = market.random();
        List<LocalDate> tradingDays = KRX.tradingDays(LocalDate.parse("2025-01-02"), LocalDate.parse("2026-12-30"));

        for (int trial = 0; trial < TRIALS; trial++) {
            LocalDate day = tradingDays.get(random.nextInt(tradingDays.size()));
            long previousClose = market.nextPrice(50_000);
            PreviousCloseSource source = (symbol, d, previous) -> Optional.of(BigDecimal.valueOf(previousClose));
            List<Bar> sound = market.session(day, BarInterval.ONE_MINUTE, previousClose);
            int index = 1 + random.nextInt(sound.size() - 2);
            Bar original = sound.get(index);
            List<Bar> bars = new ArrayList<>(sound);
            String context = corruption + " trial " + trial + " at bars[" + index + "] " + original.timestamp();

            Bar damaged = inject(corruption, bars, index, previousClose, random);
            ValidatedBatch verdict = validator.validate(dayBatch(day, BarInterval.ONE_MINUTE, bars), source);

            assertNothingDropped(verdict, context);
            switch (corruption) {
                case DUPLICATE -> {
                    assertEquals(List.of(RuleCodes.DUPLICATE_TIMESTAMP), rules(verdict.batchIssues()), context);
                    assertEquals(original.timestamp(), verdict.batchIssues().get(0).timestamp(), context);
                    List<Bar> expected = new ArrayList<>(sound);
                    expected.set(index, damaged);
                    assertEquals(expected, acceptedBars(verdict), context + ": the later copy wins");
                }
                case SWAPPED -> {
                    assertEquals(List.of(RuleCodes.OUT_OF_ORDER), rules(verdict.batchIssues()), context);
                    assertEquals(sound, acceptedBars(verdict), context + ": sorted back");
                }
                case DELETED -> {
                    assertEquals(List.of(RuleCodes.GAP), rules(verdict.batchIssues()), context);
                    assertEquals(original.timestamp(), verdict.batchIssues().get(0).timestamp(), context);
                    assertTrue(verdict.batchIssues().get(0).message().startsWith("1 missing 1m bar:"), context);
                    assertEquals(bars, acceptedBars(verdict), context);
                }
                case VOLUME_ZERO -> {
                    AcceptedBar flagged = verdict.accepted().get(index);
                    assertEquals(damaged, flagged.bar(), context);
                    assertEquals(List.of(RuleCodes.VOLUME_ZERO), rules(flagged.flags()), context);
                    assertEquals(sound.size(), verdict.accepted().size(), context);
                    assertEquals(List.of(), verdict.batchIssues(), context);
                }
                default -> assertRecordHeldBack(corruption, sound, index, damaged, verdict, context);
            }
        }
    }

    private static void assertRecordHeldBack(Corruption corruption, List<Bar> sound, int index, Bar damaged,
            ValidatedBatch verdict, String context) {
        assertEquals(1, verdict.quarantined().size(), context);
        QuarantinedBar held = verdict.quarantined().get(0);
        assertEquals(damaged, held.bar(), context);
        assertTrue(rules(held.issues()).contains(corruption.rule), context + ": " + held.issues());
        if (corruption.status == QuarantineStatus.REVIEW) {
            assertEquals(List.of(corruption.rule), rules(held.issues()), context + ": review for this reason only");
        }
        assertEquals(corruption.status, held.status(), context);
        List<Bar> others = new ArrayList<>(sound);
        others.remove(index);
        assertEquals(others, acceptedBars(verdict), context + ": the rest untouched");
        assertTrue(verdict.accepted().stream().allMatch(a -> a.flags().isEmpty()), context);
        boolean movedOutOfItsSlot = damaged.timestamp() == null || !damaged.timestamp().equals(sound.get(index)
                .timestamp());
        if (movedOutOfItsSlot) {
            // its slot is now a gap; moved before a neighbour it also puts the batch out of order
            List<QualityIssue> gaps = verdict.batchIssues().stream()
                    .filter(i -> !i.rule().equals(RuleCodes.OUT_OF_ORDER)).toList();
            assertEquals(List.of(RuleCodes.GAP), rules(gaps), context + ": its slot is a gap");
            assertEquals(sound.get(index).timestamp(), gaps.get(0).timestamp(), context);
            assertTrue(gaps.get(0).message().startsWith("1 missing 1m bar:"), context);
        } else {
            assertEquals(List.of(), verdict.batchIssues(), context);
        }
    }

    /** Damages {@code bars} in place and returns the damaged record (or the added duplicate). */
    private static Bar inject(Corruption corruption, List<Bar> bars, int index, long previousClose, Random random) {
        Bar b = bars.get(index);
        Bar damaged = switch (corruption) {
            case MISSING_FIELD -> withoutField(b, random.nextInt(7));
            case PRICE_ZERO -> new Bar(b.timestamp(), b.symbol(), b.open(), b.high(), BigDecimal.ZERO, b.close(),
                    b.volume(), b.value());
            case PRICE_NEGATIVE -> new Bar(b.timestamp(), b.symbol(), b.open().negate(), b.high(), b.low(),
                    b.close(), b.volume(), b.value());
            case VOLUME_NEGATIVE -> withVolume(b, -1L - random.nextInt(1000));
            case VOLUME_UNREALISTIC -> withVolume(b, 1_000_000_000L + random.nextInt(1000));
            case VOLUME_ZERO -> withVolume(b, 0L);
            case OUTSIDE_SESSION -> withTimestamp(b, switch (random.nextInt(4)) {
                case 0 -> KRX.session(KRX.tradingDate(b.timestamp())).orElseThrow().close();  // 15:30 KST
                case 1 -> b.timestamp().plusSeconds(30);                                      // off the minute
                case 2 -> KRX.session(KRX.tradingDate(b.timestamp())).orElseThrow().open().minusSeconds(60);
                default -> nextClosedDay(KRX.tradingDate(b.timestamp())).atTime(10, 0)
                        .atZone(KRX.zone()).toInstant();                                      // weekend/holiday
            });
            case PRICE_LIMIT -> new Bar(b.timestamp(), b.symbol(), b.open(),   // one tick above +30%
                    BigDecimal.valueOf(KrxTickSize.up(KrxTickSize.floor(previousClose * 13 / 10.0))), b.low(),
                    b.close(), b.volume(), b.value());
            case OFF_TICK -> offTick(b, random.nextBoolean());
            case SYMBOL_MISMATCH -> new Bar(b.timestamp(), "000660", b.open(), b.high(), b.low(), b.close(),
                    b.volume(), b.value());
            case HIGH_BELOW_LOW -> new Bar(b.timestamp(), b.symbol(), b.open(), b.low(), b.high(), b.close(),
                    b.volume(), b.value());
            case DUPLICATE -> withVolume(b, b.volume() + 1);
            case SWAPPED -> bars.get(index + 1);
            case DELETED -> null;
        };
        switch (corruption) {
            case DUPLICATE -> bars.add(index + 1, damaged);
            case SWAPPED -> {
                bars.set(index + 1, b);
                bars.set(index, damaged);
            }
            case DELETED -> bars.remove(index);
            default -> bars.set(index, damaged);
        }
        return damaged;
    }

    /** Half a tick above the high or below the low: off the grid, OHLC still consistent, within the limit. */
    private static Bar offTick(Bar b, boolean high) {
        BigDecimal price = high ? b.high() : b.low();
        BigDecimal halfTick = BigDecimal.valueOf(KrxTickSize.tick(price.doubleValue())).divide(BigDecimal.valueOf(2));
        return high
                ? new Bar(b.timestamp(), b.symbol(), b.open(), price.add(halfTick), b.low(), b.close(), b.volume(),
                        b.value())
                : new Bar(b.timestamp(), b.symbol(), b.open(), b.high(), price.subtract(halfTick), b.close(),
                        b.volume(), b.value());
    }

    private static LocalDate nextClosedDay(LocalDate from) {
        LocalDate day = from.plusDays(1);
        while (KRX.isTradingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static Bar withoutField(Bar b, int field) {
        return new Bar(field == 0 ? null : b.timestamp(), field == 1 ? null : b.symbol(),
                field == 2 ? null : b.open(), field == 3 ? null : b.high(), field == 4 ? null : b.low(),
                field == 5 ? null : b.close(), field == 6 ? null : b.volume(), b.value());
    }

    private static Bar withVolume(Bar b, Long volume) {
        return new Bar(b.timestamp(), b.symbol(), b.open(), b.high(), b.low(), b.close(), volume, b.value());
    }

    private static Bar withTimestamp(Bar b, Instant ts) {
        return new Bar(ts, b.symbol(), b.open(), b.high(), b.low(), b.close(), b.volume(), b.value());
    }

    private static List<String> rules(List<QualityIssue> issues) {
        return issues.stream().map(QualityIssue::rule).toList();
    }

    private static void assertNothingDropped(ValidatedBatch verdict, String context) {
        long duplicates = verdict.batchIssues().stream()
                .filter(i -> i.rule().equals(RuleCodes.DUPLICATE_TIMESTAMP)).count();
        assertEquals(verdict.recordsReceived(),
                verdict.accepted().size() + verdict.quarantined().size() + duplicates, context);
    }
}
