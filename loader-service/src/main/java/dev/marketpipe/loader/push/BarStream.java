package dev.marketpipe.loader.push;

import dev.marketpipe.loader.bars.StoredBar;
import dev.marketpipe.loader.config.MarketClock;
import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.wire.BarInterval;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The push stream of committed bars (architecture "Real time"). One thread LISTENs on {@code bar_event}; each
 * notification (PostgreSQL sends it after the announcing transaction committed), or a poll every
 * {@code poll-every}, reads the new {@code bar_event} rows in id order and hands each event, with its bars as
 * stored, to the subscribers that asked for its symbol and interval. A later id can commit before an earlier one;
 * the stream holds back behind a gap until the earlier id commits or {@code gap-wait} has passed (rolled back), so a
 * subscriber resuming after an event id misses nothing. Records the freshness of the bars built from ticks: bar end
 * → committed and bar end → pushed.
 */
@ApplicationScoped
public class BarStream {

    private static final Logger LOG = Logger.getLogger(BarStream.class);
    private static final int READ_LIMIT = 500;
    /**
     * Events held for one subscriber that reads slower than they come; beyond, its stream ends with an error and
     * the client resumes with {@code Last-Event-ID} (nothing is lost, memory is bounded).
     */
    private static final int SUBSCRIBER_BUFFER = 10_000;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final DataSource dataSource;
    private final BarEventReader reader;
    private final PushConfig config;
    private final MarketClock clock;
    private final List<StreamSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Timer committed;
    private final Timer pushed;
    private final Object delivery = new Object();
    private volatile long position;
    private volatile boolean running;
    private boolean disconnected;
    private Instant gapSeen;
    private Instant nextPurge = Instant.MIN;
    private Thread listener;

    BarStream(DataSource dataSource, BarEventReader reader, PushConfig config, MarketClock clock,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.reader = reader;
        this.config = config;
        this.clock = clock;
        this.committed = freshness(registry, "committed", "bar end to the row committed in PostgreSQL");
        this.pushed = freshness(registry, "pushed", "bar end to the bar sent to a push-stream subscriber");
    }

    /**
     * A timer, not a distribution summary: a summary's histogram counts whole units (1.02 s would land in the
     * 2 s bucket), a timer's keeps nanoseconds, so the 0.5 s steps around the 2 s and 2.5 s targets mean something.
     */
    private static Timer freshness(MeterRegistry registry, String stage, String description) {
        return Timer.builder("marketpipe.bar.freshness").tag("stage", stage)
                .description(description + ", for bars built from ticks that ended within the freshness window")
                .serviceLevelObjectives(Stream.of(500, 1000, 1500, 2000, 2500, 3000, 5000, 10_000, 30_000, 60_000,
                        180_000, 300_000).map(Duration::ofMillis).toArray(Duration[]::new))
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        position = reader.maxId();
        running = true;
        listener = new Thread(this::listen, "bar-stream");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /**
     * The events of {@code symbols} at {@code interval} from now on; with {@code lastEventId}, first every retained
     * event after it. A subscriber more than {@link #SUBSCRIBER_BUFFER} events behind is ended (it resumes).
     */
    public Multi<BarEvent> subscribe(Set<String> symbols, String interval, Long lastEventId) {
        return Multi.createFrom().<BarEvent>emitter(emitter -> {
            long from = lastEventId == null ? Long.MAX_VALUE : lastEventId;
            StreamSubscriber subscriber;
            long upTo;
            synchronized (delivery) {
                upTo = position;
                subscriber = new StreamSubscriber(symbols, interval, emitter, Math.min(from, upTo));
                subscribers.add(subscriber);
            }
            emitter.onTermination(() -> subscribers.remove(subscriber));
            try {
                long after = from;
                while (after < upTo && !emitter.isCancelled()) {
                    List<BarEventReader.Row> rows = reader.after(after, upTo, READ_LIMIT);
                    if (rows.isEmpty()) {
                        break;
                    }
                    for (BarEventReader.Row row : rows) {
                        if (symbols.contains(row.symbol()) && interval.equals(row.interval().code())) {
                            subscriber.caughtUp(reader.event(row));
                        }
                        after = row.id();
                    }
                }
                subscriber.live();
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }, SUBSCRIBER_BUFFER).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Events delivered so far (tests). */
    public long position() {
        return position;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + BarEvents.CHANNEL);
                if (disconnected) {
                    disconnected = false;
                    LOG.info("the bar stream listens again");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                deliverNew();
                while (running) {
                    notifications.getNotifications((int) config.pollEvery().toMillis());
                    deliverNew();
                    purgeNow();
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    if (!disconnected) {
                        disconnected = true; // one line per outage: it retries every second
                        LOG.warnf("the bar stream lost its database connection (%s); it listens again every second",
                                e.getMessage());
                    }
                    pause();
                }
            }
        }
    }

    private void deliverNew() {
        while (running) {
            List<BarEventReader.Row> rows = reader.after(position, Long.MAX_VALUE, READ_LIMIT);
            if (rows.isEmpty()) {
                return;
            }
            for (BarEventReader.Row row : rows) {
                if (row.id() != position + 1 && !gapExpired()) {
                    return; // an earlier id has not committed yet: wait for it (or for it to expire)
                }
                gapSeen = null;
                deliver(reader.event(row));
            }
        }
    }

    private boolean gapExpired() {
        Instant now = Instant.now();
        if (gapSeen == null) {
            gapSeen = now;
        }
        return !now.isBefore(gapSeen.plus(config.gapWait()));
    }

    private void deliver(BarEvent event) {
        Instant now = clock.now();
        record(committed, event, event.committedAt().plus(clock.offset()));
        synchronized (delivery) {
            for (StreamSubscriber subscriber : subscribers) {
                if (subscriber.wants(event) && subscriber.live(event)) {
                    record(pushed, event, now);
                }
            }
            position = event.id();
        }
    }

    /**
     * Seconds from each recent bar's end to {@code at}, for bars built from ticks: a REST bar is collected after its
     * minute by design (the live job's schedule), and replacing a tick-built bar by it is no live delivery.
     */
    private void record(Timer timer, BarEvent event, Instant at) {
        if (!MarketTable.TICKS.equals(event.source())) {
            return;
        }
        Duration length = BarInterval.fromCode(event.interval()).length();
        for (StoredBar bar : event.bars()) {
            Instant end = bar.timestamp().plus(length);
            Duration age = Duration.between(end, at);
            if (age.compareTo(config.freshnessWindow()) <= 0) {
                timer.record(age.isNegative() ? Duration.ZERO : age);
            }
        }
    }

    private void purgeNow() {
        Instant now = Instant.now();
        if (now.isAfter(nextPurge)) {
            nextPurge = now.plus(PURGE_EVERY);
            reader.purge(config.replayWindow());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
