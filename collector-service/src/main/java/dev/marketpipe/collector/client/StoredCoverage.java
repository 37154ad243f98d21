package dev.marketpipe.collector.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The loader's answer to {@code GET /v1/coverage}: runs of consecutive stored bar starts per KST date. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredCoverage(String symbol, BarInterval interval, Instant from, Instant to, long bars, List<Day> days) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Day(LocalDate date, long bars, List<Run> runs) {
    }

    /** {@code first}..{@code last} inclusive, one interval apart. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(Instant first, Instant last, long bars) {
    }

    /** Every stored bar start, expanded from the runs (at most a few thousand per symbol and range). */
    public Set<Instant> barStarts() {
        Set<Instant> starts = new HashSet<>();
        if (days == null) {
            return starts;
        }
        for (Day day : days) {
            for (Run run : day.runs()) {
                if (interval == BarInterval.ONE_DAY) {
                    starts.add(run.first());
                    continue;
                }
                for (Instant t = run.first(); !t.isAfter(run.last()); t = t.plus(interval.length())) {
                    starts.add(t);
                }
            }
        }
        return starts;
    }
}
