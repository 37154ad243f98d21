package dev.marketpipe.collector.reconciliation;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.outcome.ApiError;
import dev.marketpipe.collector.provider.Backup;
import dev.marketpipe.collector.provider.BarsPage;
import dev.marketpipe.collector.provider.BarsQuery;
import dev.marketpipe.collector.provider.FailoverConfig;
import dev.marketpipe.collector.provider.SecuritiesApiClient;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Data reconciliation: asks the primary and the backup for the same daily bars and reports every value
 * on which they differ — in the last report ({@code GET /v1/reconciliation}), as the gauge
 * {@code marketpipe.collector.reconciliation.discrepancies} (count of the last run) and as one WARN line per
 * discrepancy. Daily after the close for a rotating sample of symbols, or on demand.
 */
@ApplicationScoped
public class ReconciliationService {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);
    private static final Map<String, Function<Bar, Object>> FIELDS = fields();

    private final SecuritiesApiClient primary;
    private final SecuritiesApiClient backup;
    private final FailoverConfig failover;
    private final ReconciliationConfig config;
    private final SymbolOwnership ownership;
    private final MarketCalendar calendar;
    private final MarketClock clock;
    private final AtomicReference<ReconciliationReport> last = new AtomicReference<>();
    private final AtomicInteger lastDiscrepancies = new AtomicInteger();
    private final ReentrantLock running = new ReentrantLock();

    ReconciliationService(SecuritiesApiClient primary, @Backup SecuritiesApiClient backup, FailoverConfig failover,
            ReconciliationConfig config, SymbolOwnership ownership, MarketCalendar calendar, MarketClock clock,
            MeterRegistry registry) {
        this.primary = primary;
        this.backup = backup;
        this.failover = failover;
        this.config = config;
        this.ownership = ownership;
        this.calendar = calendar;
        this.clock = clock;
        Gauge.builder("marketpipe.collector.reconciliation.discrepancies", lastDiscrepancies, AtomicInteger::get)
                .description("Discrepancies between primary and backup daily bars found by the last reconciliation")
                .register(registry);
    }

    public Optional<ReconciliationReport> last() {
        return Optional.ofNullable(last.get());
    }

    @Scheduled(identity = "reconciliation", cron = "{marketpipe.collector.reconciliation.cron}",
            timeZone = "Asia/Seoul", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!config.enabled() || !failover.enabled()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.now(), calendar.zone());
        List<LocalDate> days = calendar.tradingDays(today.minusDays(config.lookbackDays() * 2L + 14), today);
        if (days.isEmpty()) {
            return;
        }
        List<LocalDate> range = days.subList(Math.max(0, days.size() - config.lookbackDays()), days.size());
        run(range.get(0), range.get(range.size() - 1), sample(today));
    }

    /** A window of {@code sample-size} symbols that moves through the universe one window per day. */
    List<String> sample(LocalDate day) {
        List<String> universe = ownership.universe();
        int size = Math.min(config.sampleSize(), universe.size());
        int windows = Math.max(1, (universe.size() + size - 1) / size);
        int offset = (int) (day.toEpochDay() % windows) * size;
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            sample.add(universe.get((offset + i) % universe.size()));
        }
        return sample;
    }

    /** Compares the sources now; 409 while the backup is not configured or another run is in progress. */
    public ReconciliationReport run(LocalDate from, LocalDate to, List<String> symbols) {
        if (!failover.enabled()) {
            throw new ClientErrorException("no backup source is configured (marketpipe.collector.failover.enabled=false)",
                    Response.Status.CONFLICT);
        }
        if (!running.tryLock()) {
            throw new ClientErrorException("a reconciliation is already running", Response.Status.CONFLICT);
        }
        try {
            Instant started = clock.now();
            List<Discrepancy> discrepancies = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            int compared = 0;
            for (String symbol : new TreeSet<>(symbols)) {
                try {
                    Map<LocalDate, Bar> fromPrimary = dailyBars(primary, symbol, from, to);
                    Map<LocalDate, Bar> fromBackup = dailyBars(backup, symbol, from, to);
                    compared += compare(symbol, fromPrimary, fromBackup, discrepancies);
                } catch (RuntimeException e) {
                    ApiError error = ApiError.of(e);
                    errors.add(symbol + ": " + error.type());
                    LOG.warnf("reconciliation of %s skipped: %s", symbol, error.type());
                }
            }
            for (Discrepancy d : discrepancies) {
                LOG.warnf("reconciliation discrepancy: symbol=%s date=%s field=%s primary=%s backup=%s",
                        d.symbol(), d.date(), d.field(), d.primary(), d.backup());
            }
            ReconciliationReport report = new ReconciliationReport(started, clock.now(), from, to,
                    List.copyOf(new TreeSet<>(symbols)), compared, List.copyOf(discrepancies), List.copyOf(errors));
            last.set(report);
            lastDiscrepancies.set(discrepancies.size());
            LOG.infof("reconciliation %s..%s of %d symbols: %d daily bars compared, %d discrepancies, %d errors",
                    from, to, symbols.size(), compared, discrepancies.size(), errors.size());
            return report;
        } finally {
            running.unlock();
        }
    }

    private int compare(String symbol, Map<LocalDate, Bar> primaryBars, Map<LocalDate, Bar> backupBars,
            List<Discrepancy> out) {
        Set<LocalDate> dates = new TreeSet<>(primaryBars.keySet());
        dates.addAll(backupBars.keySet());
        int compared = 0;
        for (LocalDate date : dates) {
            Bar p = primaryBars.get(date);
            Bar b = backupBars.get(date);
            if (p == null || b == null) {
                out.add(new Discrepancy(symbol, date, "bar", p == null ? null : "present", b == null ? null : "present"));
                continue;
            }
            compared++;
            for (Map.Entry<String, Function<Bar, Object>> field : FIELDS.entrySet()) {
                Object pv = field.getValue().apply(p);
                Object bv = field.getValue().apply(b);
                if (!same(pv, bv)) {
                    out.add(new Discrepancy(symbol, date, field.getKey(), text(pv), text(bv)));
                }
            }
        }
        return compared;
    }

    private Map<LocalDate, Bar> dailyBars(SecuritiesApiClient client, String symbol, LocalDate from, LocalDate to) {
        BarsQuery query = new BarsQuery(symbol, BarInterval.ONE_DAY, from.toString(), to.toString(), 1);
        Map<LocalDate, Bar> bars = new TreeMap<>();
        for (BarsQuery next = query; next != null; ) {
            BarsPage answer = client.fetchBars(next, new AtomicInteger());
            next = answer.next();
            for (Bar bar : answer.bars()) {
                if (bar.timestamp() != null) {
                    bars.put(LocalDate.ofInstant(bar.timestamp(), calendar.zone()), bar);
                }
            }
        }
        return bars;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : value.toString();
    }

    private static Map<String, Function<Bar, Object>> fields() {
        Map<String, Function<Bar, Object>> fields = new java.util.LinkedHashMap<>();
        fields.put("open", Bar::open);
        fields.put("high", Bar::high);
        fields.put("low", Bar::low);
        fields.put("close", Bar::close);
        fields.put("volume", Bar::volume);
        fields.put("value", Bar::value);
        return fields;
    }
}
