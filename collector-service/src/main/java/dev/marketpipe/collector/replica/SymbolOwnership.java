package dev.marketpipe.collector.replica;

import dev.marketpipe.collector.config.CollectorConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which configured symbols this collector instance collects (architecture "Scaling": replicas split the symbol
 * universe). With replicas enabled it holds leases in {@code collector.symbol_lease}, renewed every
 * {@code renew-interval}; each instance takes a fair share, and when another instance's leases expire (it died)
 * this one wakes right after the expiry and takes them, so a dead instance's symbols move within one lease
 * period. A lease counts as held only until shortly before it would expire in the database, so two instances
 * never collect the same symbol. One instance alone holds every symbol.
 */
@ApplicationScoped
public class SymbolOwnership {

    private static final Logger LOG = Logger.getLogger(SymbolOwnership.class);
    /** Do not spin when another instance's lease is about to expire: wake at most this often. */
    private static final Duration MIN_WAIT = Duration.ofMillis(100);
    /** Wake this long after a foreign lease's expiry, so the database sees it expired. */
    private static final Duration AFTER_EXPIRY = Duration.ofMillis(50);

    private final LeaseTable table;
    private final CollectorConfig collector;
    private final ReplicaConfig config;
    private final String instanceId;
    private volatile List<String> held = List.of();
    private volatile long heldUntilNanos;
    private volatile int members;
    private volatile boolean databaseUnreachable;
    private ScheduledExecutorService timer;

    SymbolOwnership(LeaseTable table, CollectorConfig collector, ReplicaConfig config, MeterRegistry registry) {
        this.table = table;
        this.collector = collector;
        this.config = config;
        this.instanceId = config.instanceId().filter(id -> !id.isBlank()).orElseGet(SymbolOwnership::hostAndPid);
        Gauge.builder("marketpipe.collector.replica.symbols.owned", this, o -> o.owned().size())
                .description("symbols this collector instance collects (holds a lease for)").register(registry);
        Gauge.builder("marketpipe.collector.replica.members", this, o -> o.members)
                .description("live collector instances sharing the symbols").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.infof("replicas disabled: this instance collects all %d symbols", collector.symbols().size());
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "symbol-leases");
            thread.setDaemon(true);
            return thread;
        });
        Duration next = renew(); // before the first live cycle: a lone instance owns everything at once
        timer.schedule(this::renewAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        held = List.of();
        try {
            table.release(instanceId);
            LOG.infof("instance %s released its symbol leases", instanceId);
        } catch (Exception e) {
            LOG.warnf("instance %s could not release its leases (they expire by themselves): %s", instanceId, e.getMessage());
        }
    }

    /** The collector replicas seen at the last renewal (at least 1; 1 when replicas are switched off). */
    public int lastSeenMembers() {
        return config.enabled() ? Math.max(1, members) : 1;
    }

    /**
     * The symbols to collect now, in configuration order. While the leases cannot be renewed because PostgreSQL is
     * unreachable, the symbols held before are kept: no other replica can take them over meanwhile, and collection
     * goes on through the outage (archived first, loaded when the database is back).
     */
    public List<String> owned() {
        if (!config.enabled()) {
            return collector.symbols();
        }
        if (System.nanoTime() - heldUntilNanos >= 0 && !databaseUnreachable) {
            return List.of(); // renewal failed for too long: maybe another instance holds them by now
        }
        List<String> mine = held;
        return collector.symbols().stream().filter(mine::contains).toList();
    }

    /**
     * Every configured symbol, in configuration order: what the replicas together collect (a gap-fill, a
     * reconciliation sample or the coverage plan looks at all of them). The one place that reads the configured list.
     */
    public List<String> universe() {
        return collector.symbols();
    }

    public String instanceId() {
        return instanceId;
    }

    /** One renewal round now (also what the timer runs); returns when the next one is due. */
    public synchronized Duration renew() {
        long started = System.nanoTime();
        Duration next = config.renewInterval();
        try {
            LeaseTable.Round round = table.renew(instanceId, collector.symbols(), config.leaseDuration());
            List<String> before = held;
            held = List.copyOf(round.held());
            members = round.members();
            heldUntilNanos = started + config.leaseDuration().minus(config.expiryMargin()).toNanos();
            if (!before.equals(held)) {
                LOG.infof("instance %s now collects %d of %d symbols (%d live instances)", instanceId, held.size(),
                        collector.symbols().size(), members);
            }
            if (round.nextForeignExpiry().isPresent()) {
                Duration untilExpiry = round.nextForeignExpiry().get().plus(AFTER_EXPIRY);
                if (untilExpiry.compareTo(next) < 0) {
                    next = untilExpiry;
                }
            }
            databaseUnreachable = false;
        } catch (SQLException e) {
            if (!databaseUnreachable) {
                LOG.warnf("instance %s could not renew its symbol leases (keeps collecting the %d it holds while "
                        + "the database is unreachable): %s", instanceId, held.size(), e.getMessage());
            }
            databaseUnreachable = true;
        } catch (Exception e) {
            LOG.warnf("instance %s could not renew its symbol leases: %s", instanceId, e.getMessage());
        }
        return next.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : next;
    }

    private void renewAndReschedule() {
        Duration next = renew();
        if (!timer.isShutdown()) {
            timer.schedule(this::renewAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
