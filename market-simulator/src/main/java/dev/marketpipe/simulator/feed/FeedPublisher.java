package dev.marketpipe.simulator.feed;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.provider.kis.realtime.KisRealtimeColumns;
import dev.marketpipe.simulator.config.MarketSimulation;
import dev.marketpipe.simulator.config.SimulatedClock;
import dev.marketpipe.simulator.config.SimulatorConfig;
import dev.marketpipe.simulator.market.OrderBook;
import dev.marketpipe.simulator.market.TradeTape;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Streams the {@link TradeTape} to the feed's sessions as the simulated clock passes: every {@value #ROUND_MILLIS} ms
 * (wall clock) a round sends, for each subscription, the trades of the simulated seconds completed since the last
 * round (one {@code H0STCNT0} frame per symbol and second, so a second's trades arrive together), and an
 * {@code H0STASP0} book around the last trade once the order-book interval has passed in simulated time. Another
 * timer sends {@code PINGPONG} to every session.
 *
 * <p>Cheap by construction: a round encodes each subscribed (record type, symbol) once and hands the same text to
 * every session that wants it; a symbol's day of trades is generated once and looked up by binary search; writes
 * are queued without waiting. The timers run on a Vert.x event loop and never block it. A clock that jumps
 * ({@code PUT /simulator/clock}) or runs backwards restarts the stream at the new time instead of replaying the gap.
 */
@ApplicationScoped
public class FeedPublisher {

    static final long ROUND_MILLIS = 250;
    /** A longer gap between two rounds (a stalled process) is skipped rather than replayed. */
    private static final long MAX_CATCH_UP_SECONDS = Duration.ofHours(1).toSeconds();
    private static final Duration WARNING_PAUSE = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(FeedPublisher.class);

    private final FeedSessions sessions;
    private final MarketSimulation simulation;
    private final SimulatedClock clock;
    private final Vertx vertx;
    private final Duration pingInterval;
    private final long orderBookSeconds;
    private final Map<DayKey, TradeTape.Day> days = new ConcurrentHashMap<>();
    /** The last simulated second a symbol's book was sent for (rounds only: one thread). */
    private final Map<String, Long> lastBook = new HashMap<>();
    private long roundTimer = -1;
    private long pingTimer = -1;
    /** The first simulated second (epoch) the next round sends; {@code null} until a round has sessions. */
    private Long cursor;
    private long clockEpoch;
    private Instant lastWarning = Instant.EPOCH;

    public FeedPublisher(FeedSessions sessions, MarketSimulation simulation, SimulatedClock clock, Vertx vertx,
            SimulatorConfig config) {
        this.sessions = sessions;
        this.simulation = simulation;
        this.clock = clock;
        this.vertx = vertx;
        this.pingInterval = config.feed().pingInterval();
        this.orderBookSeconds = Math.max(1, config.feed().orderBookInterval().toSeconds());
    }

    private record DayKey(String symbol, LocalDate date) {
    }

    void start(@Observes StartupEvent event) {
        roundTimer = vertx.setPeriodic(ROUND_MILLIS, id -> guarded(this::round));
        pingTimer = vertx.setPeriodic(Math.max(1, pingInterval.toMillis()), id -> guarded(this::ping));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(roundTimer);
        vertx.cancelTimer(pingTimer);
    }

    /** The day of {@code symbol} that {@code at} falls on, generated on first use (a subscription warms it). */
    TradeTape.Day day(String symbol, Instant at) {
        LocalDate date = simulation.calendar().tradingDate(at);
        return days.computeIfAbsent(new DayKey(symbol, date),
                key -> simulation.tape().day(symbol, date));
    }

    /** How many trades the tape holds for {@code symbol} at {@code from} (inclusive) to {@code to} (exclusive). */
    public long tradeCount(String symbol, Instant from, Instant to) {
        long count = 0;
        Instant dayStart = from;
        while (dayStart.isBefore(to)) {
            TradeTape.Day day = day(symbol, dayStart);
            Instant nextDay = day.date().plusDays(1).atStartOfDay(simulation.calendar().zone()).toInstant();
            Instant dayEnd = nextDay.isBefore(to) ? nextDay : to;
            count += day.between(dayStart, dayEnd).size();
            dayStart = dayEnd;
        }
        return count;
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            Instant now = Instant.now();
            if (now.isAfter(lastWarning.plus(WARNING_PAUSE))) {
                lastWarning = now;
                LOG.error("the real-time feed failed to send a round (repeats are silenced for a minute)", e);
            }
        }
    }

    private void ping() {
        Collection<FeedSession> open = sessions.all();
        if (!open.isEmpty()) {
            String frame = KisRealtimeFrames.pingPong(clock.instant());
            open.forEach(session -> session.send(frame));
        }
    }

    /** One round: the simulated seconds [cursor, now) to every subscription. */
    private void round() {
        Collection<FeedSession> open = sessions.all();
        if (open.isEmpty()) {
            cursor = null;
            return;
        }
        long end = clock.instant().getEpochSecond();
        long epoch = clock.epoch();
        if (cursor == null || epoch != clockEpoch || end < cursor || end - cursor > MAX_CATCH_UP_SECONDS) {
            cursor = end;
            clockEpoch = epoch;
            return;
        }
        if (end == cursor) {
            return;
        }
        Instant from = Instant.ofEpochSecond(cursor);
        Instant to = Instant.ofEpochSecond(end);
        forgetOtherDays(simulation.calendar().tradingDate(from), simulation.calendar().tradingDate(to));
        Map<FeedSubscription, List<String>> frames = new HashMap<>();
        for (FeedSession session : open) {
            for (FeedSubscription subscription : session.subscriptions()) {
                for (String frame : frames.computeIfAbsent(subscription, s -> frames(s, from, to))) {
                    session.send(frame);
                }
            }
        }
        cursor = end;
    }

    private List<String> frames(FeedSubscription subscription, Instant from, Instant to) {
        return switch (subscription.trId()) {
            case KisRealtimeColumns.TRADES -> tradeFrames(subscription.trKey(), from, to);
            case KisRealtimeColumns.ORDER_BOOK -> orderBookFrame(subscription.trKey(), to);
            default -> List.of();
        };
    }

    /** One frame per second with trades in [from, to), across a date change if the window spans one. */
    private List<String> tradeFrames(String symbol, Instant from, Instant to) {
        List<String> frames = new ArrayList<>();
        MarketCalendar calendar = simulation.calendar();
        Instant dayStart = from;
        while (dayStart.isBefore(to)) {
            TradeTape.Day day = day(symbol, dayStart);
            Instant nextDay = day.date().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
            Instant dayEnd = nextDay.isBefore(to) ? nextDay : to;
            List<TradeTape.Trade> trades = day.between(dayStart, dayEnd);
            int first = 0;
            for (int i = 1; i <= trades.size(); i++) {
                if (i == trades.size() || !trades.get(i).at().equals(trades.get(first).at())) {
                    frames.add(KisRealtimeFrames.trades(day, trades.subList(first, i)));
                    first = i;
                }
            }
            dayStart = dayEnd;
        }
        return frames;
    }

    /**
     * A book at the last completed second before {@code to}, around the last trade, if the session is open then
     * and the order-book interval has passed since the symbol's previous book.
     */
    private List<String> orderBookFrame(String symbol, Instant to) {
        Instant second = to.minusSeconds(1);
        if (!simulation.calendar().isOpen(second)) {
            return List.of();
        }
        long at = second.getEpochSecond();
        Long previous = lastBook.get(symbol);
        if (previous != null && previous <= at && at - previous < orderBookSeconds) {
            return List.of();
        }
        lastBook.put(symbol, at);
        TradeTape.Day day = day(symbol, second);
        TradeTape.Trade last = day.lastBefore(to);
        long price = last == null ? day.open() : last.price();
        boolean atAsk = last == null || last.buyerInitiated();
        OrderBook book = simulation.orderBooks().orderBookAfter(symbol, second, price, atAsk);
        return List.of(KisRealtimeFrames.orderBook(book, last == null ? 0 : last.cumulativeVolume()));
    }

    /** Keeps the cache to the days a round can still need once it holds more than two days' worth. */
    private void forgetOtherDays(LocalDate first, LocalDate last) {
        if (days.size() > 2 * Math.max(1, simulation.symbols().size())) {
            days.keySet().removeIf(key -> key.date().isBefore(first) || key.date().isAfter(last));
        }
    }
}
