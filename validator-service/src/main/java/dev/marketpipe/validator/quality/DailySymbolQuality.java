package dev.marketpipe.validator.quality;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per symbol per trading day quality counts, in memory and bounded: the newest
 * {@code retainedDays} days, at most {@code maxSymbolsPerDay} symbols each (a symbol beyond that on a day is not
 * counted there). The daily report and the database stay the durable record; this is the at-a-glance view.
 * Not thread-safe: {@link QualityTracker} serialises access.
 */
final class DailySymbolQuality {

    private final int retainedDays;
    private final int maxSymbolsPerDay;
    /** Per day and symbol: {records, clean, flagged, quarantined}. */
    private final TreeMap<LocalDate, Map<String, long[]>> days = new TreeMap<>();

    DailySymbolQuality(int retainedDays, int maxSymbolsPerDay) {
        if (retainedDays < 1 || maxSymbolsPerDay < 1) {
            throw new IllegalArgumentException(
                    "marketpipe.validator.quality.retained-days and max-symbols-per-day must be at least 1");
        }
        this.retainedDays = retainedDays;
        this.maxSymbolsPerDay = maxSymbolsPerDay;
    }

    /** Adds records of one outcome; a day older than every retained day once the store is full is ignored. */
    void add(LocalDate day, String symbol, long records, long clean, long flagged, long quarantined) {
        if (days.size() >= retainedDays && !days.containsKey(day) && day.isBefore(days.firstKey())) {
            return;
        }
        Map<String, long[]> symbols = days.computeIfAbsent(day, d -> new HashMap<>());
        while (days.size() > retainedDays) {
            days.pollFirstEntry();
        }
        long[] counts = symbols.get(symbol);
        if (counts == null) {
            if (symbols.size() >= maxSymbolsPerDay) {
                return;
            }
            counts = new long[4];
            symbols.put(symbol, counts);
        }
        counts[0] += records;
        counts[1] += clean;
        counts[2] += flagged;
        counts[3] += quarantined;
    }

    /** The day's symbols in order, or only {@code symbol} when given (empty when it has no records that day). */
    Map<String, SymbolDayQuality> of(LocalDate day, String symbol) {
        Map<String, SymbolDayQuality> out = new TreeMap<>();
        days.getOrDefault(day, Map.of()).forEach((s, c) -> {
            if (symbol == null || symbol.equals(s)) {
                out.put(s, new SymbolDayQuality(BatchOutcomes.score(c[1], c[0]), c[0], c[2], c[3]));
            }
        });
        return out;
    }
}
