package dev.marketpipe.collector.realtime;

import dev.marketpipe.collector.archive.BatchShipper;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.provider.ConfiguredProviders;
import dev.marketpipe.collector.provider.ProviderSettings;
import dev.marketpipe.collector.provider.kis.KisConfig;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.provider.ResponseFormats;
import dev.marketpipe.provider.kis.realtime.KisRealtimeBatch;
import dev.marketpipe.provider.kis.realtime.KisRealtimeColumns;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.SourceRole;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The collector's real-time feed (architecture "Real time"): holds KIS WebSocket sessions for the trades and order
 * books of the symbols this instance owns (the replica leases decide which), at most
 * {@code max-subscriptions-per-session} subscriptions each, and archives what arrives the way every answer is
 * archived: every {@code batch-window}, the raw frames of each symbol become one batch (ticks, or order books) that
 * the {@link BatchShipper} hands to the archive, or to the durable spool while the archive is away. A session that
 * drops is opened again with exponential backoff and resubscribed. Two threads: one keeps the sessions (blocking
 * connects), one ships the windows, in order.
 */
@ApplicationScoped
public class RealtimeFeed {

    private static final Logger LOG = Logger.getLogger(RealtimeFeed.class);
    private static final String API_VERSION = "kis-websocket";

    private final RealtimeConfig config;
    private final KisConfig kis;
    private final ConfiguredProviders providers;
    private final SymbolOwnership ownership;
    private final BatchShipper shipper;
    private final FeedMetrics metrics;
    private final MarketClock clock;
    private final String collectorVersion;
    private final FrameBuffer buffer = new FrameBuffer();
    private final List<FeedSession> sessions = new ArrayList<>();
    private ScheduledExecutorService threads;
    private ApprovalKeys approvalKeys;
    private String provider;
    private Instant nextResubscribe = Instant.MIN;
    private List<Subscription> subscriptions = List.of();

    RealtimeFeed(RealtimeConfig config, KisConfig kis, ConfiguredProviders providers, SymbolOwnership ownership,
            BatchShipper shipper, FeedMetrics metrics, MarketClock clock,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String collectorVersion) {
        this.config = config;
        this.kis = kis;
        this.providers = providers;
        this.ownership = ownership;
        this.shipper = shipper;
        this.metrics = metrics;
        this.clock = clock;
        this.collectorVersion = collectorVersion;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        ProviderSettings settings = providers.primarySettings();
        // the KIS REST host: the primary's (the KIS provider's host, or the simulator), else KIS's own
        Optional<URI> primaryUrl = "kis".equals(settings.type()) ? kis.url() : settings.url();
        URI approvalUrl = config.approvalUrl().or(() -> primaryUrl)
                .orElse(kis.paper() ? kis.paperUrl() : kis.realUrl());
        KisApprovalRestClient api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(approvalUrl)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(KisApprovalRestClient.class);
        approvalKeys = new ApprovalKeys(api, settings.requiredAppKey(), settings.requiredAppSecret(), clock::now);
        provider = settings.name();
        threads = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "realtime-feed");
            thread.setDaemon(true);
            return thread;
        });
        threads.scheduleWithFixedDelay(this::keepSessions, 0, 1, TimeUnit.SECONDS);
        long window = config.batchWindow().toMillis();
        threads.scheduleWithFixedDelay(this::shipWindow, window, window, TimeUnit.MILLISECONDS);
        LOG.infof("real-time feed on: %s%s, batches every %d ms", url(), config.path(), window);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (threads == null) {
            return;
        }
        threads.shutdownNow();
        synchronized (sessions) {
            sessions.forEach(FeedSession::close);
        }
        shipWindow(); // what arrived before the sessions closed is archived (or spooled), not dropped
    }

    private URI url() {
        return config.url().orElse(kis.paper() ? config.paperUrl() : config.realUrl());
    }

    /** The subscriptions of the owned symbols, in a stable order, spread over sessions of at most the limit each. */
    private void keepSessions() {
        try {
            Instant now = clock.now();
            if (!now.isBefore(nextResubscribe)) {
                subscriptions = subscriptionsOf(ownership.owned());
                nextResubscribe = now.plus(config.resubscribeEvery());
            }
            int perSession = Math.max(1, config.maxSubscriptionsPerSession());
            int needed = (subscriptions.size() + perSession - 1) / perSession;
            synchronized (sessions) {
                while (sessions.size() < needed) {
                    sessions.add(new FeedSession(sessions.size(), url(), config.path(), approvalKeys,
                            kis.customerType(), buffer, metrics, clock::now));
                }
                for (int i = 0; i < sessions.size(); i++) {
                    int from = Math.min(subscriptions.size(), i * perSession);
                    int to = Math.min(subscriptions.size(), from + perSession);
                    sessions.get(i).hold(subscriptions.subList(from, to), config.reconnectMin(), config.reconnectMax());
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "keeping the real-time sessions failed; tried again in a second");
        }
    }

    private List<Subscription> subscriptionsOf(List<String> symbols) {
        List<Subscription> wanted = new ArrayList<>();
        for (String symbol : symbols.stream().sorted().toList()) {
            if (config.trades()) {
                wanted.add(new Subscription(KisRealtimeColumns.TRADES, symbol));
            }
            if (config.orderBook()) {
                wanted.add(new Subscription(KisRealtimeColumns.ORDER_BOOK, symbol));
            }
        }
        return List.copyOf(wanted);
    }

    /** The subscriptions acknowledged on open sessions (tests, and the health of the feed). */
    public int acknowledgedSubscriptions() {
        synchronized (sessions) {
            return sessions.stream().filter(FeedSession::isOpen).mapToInt(s -> s.acknowledged().size()).sum();
        }
    }

    private void shipWindow() {
        for (FrameBuffer.Group group : buffer.drain()) {
            try {
                CollectedBatch batch = toBatch(group);
                shipper.ship(batch);
                metrics.collected(group.type().code(), batch.recordCount());
            } catch (RuntimeException e) {
                // a batch the archive refuses (4xx) is a defect of ours: logged with its frames' count, not retried
                LOG.errorf(e, "a real-time batch of %s (%d frames) could not be archived", group.symbol(),
                        group.frames().size());
            }
        }
    }

    private CollectedBatch toBatch(FrameBuffer.Group group) {
        var raw = KisRealtimeBatch.raw(group.frames(), group.ciphers());
        Instant end = group.lastReceived().plusMillis(1);
        BatchRecords records = ResponseFormats.KIS.records(group.type(), raw,
                ResponseContext.market(group.symbol(), null, group.firstReceived(), end, group.lastReceived()));
        return new CollectedBatch(UUID.randomUUID(), group.type(), group.symbol(), null,
                SourceRole.PRIMARY, provider, group.firstReceived(), end, 1,
                group.lastReceived(), 0, 1, API_VERSION, collectorVersion, raw, null, null, records);
    }
}
