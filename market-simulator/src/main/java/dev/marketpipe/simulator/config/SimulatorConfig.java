package dev.marketpipe.simulator.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the simulated securities API. Defaults live in {@code application.properties}; every
 * property can be set by env var (e.g. {@code MARKETPIPE_SIMULATOR_SEED}).
 */
@ConfigMapping(prefix = "marketpipe.simulator")
public interface SimulatorConfig {

    /** The app key clients must present to {@code POST /oauth/token}. */
    String appKey();

    /** The app secret clients must present to {@code POST /oauth/token}. Never logged. */
    String appSecret();

    /** Lifetime of an issued access token. */
    Duration tokenTtl();

    /** Seed of every generated number; the same seed serves the same data. */
    long seed();

    /** Initial probability in [0, 1] that a served bar is corrupted (changeable at runtime). */
    double invalidFraction();

    /**
     * The simulated account's number ({@code 8 digits-2 digits}, KIS CANO-ACNT_PRDT_CD), served by the account
     * endpoints. Treated as a secret: never logged.
     */
    String accountNumber();

    /** The symbol universe; other symbols answer 404. */
    List<String> symbols();

    /** Longest {@code start_date}..{@code end_date} window one request may ask for, in days. */
    int maxWindowDays();

    /**
     * When false (realistic), a bar is only served once it has completed by the simulated clock
     * ({@link SimulatedClock}: the wall clock unless set); when true, the whole deterministic history, future sessions
     * included, is served.
     */
    boolean serveFutureBars();

    /** The simulated market clock ({@link SimulatedClock}). */
    ClockSettings clock();

    /** The KIS-compatible real-time WebSocket feed ({@code /tryitout}). */
    FeedSettings feed();

    /** How densely the trade tape behind the feed trades ({@code TradeTape}). */
    TapeSettings tape();

    /** Where the simulated market's "now" starts and how fast it runs. */
    interface ClockSettings {

        /**
         * The simulated instant at the simulator's start: an ISO instant ({@code 2025-03-05T00:30:00Z}, an offset
         * allowed) or a local KST date-time ({@code 2025-03-05T09:30:00}). Empty: the wall clock.
         */
        Optional<String> start();

        /** Simulated seconds per wall-clock second (1.0: real time). */
        double speed();
    }

    /** Pace of the real-time feed. */
    interface FeedSettings {

        /** How often every session receives a {@code PINGPONG} keep-alive (wall clock). */
        Duration pingInterval();

        /** Simulated time between two order-book frames of a symbol (at most one per symbol and send round). */
        Duration orderBookInterval();
    }

    /**
     * The trades of each minute: a seeded draw in {@code [min, max]} per symbol and minute (never more than the
     * minute's volume), so about {@code (min + max) / 2} a minute per symbol; each minute's trades still aggregate
     * exactly into its 1-minute bar.
     */
    interface TapeSettings {

        /** Fewest trades of a minute (fewer only when the bar's volume is smaller). */
        int minTradesPerMinute();

        /** Most trades of a minute outside a burst. */
        int maxTradesPerMinute();

        /** Bursts of trading. */
        BurstSettings burst();
    }

    /**
     * Every {@code every-minutes}-th minute of the session (0: never), {@code seconds} seconds from second
     * {@code start-second} on trade {@code factor} times as densely as the minute's other seconds.
     */
    interface BurstSettings {

        int everyMinutes();

        int startSecond();

        int seconds();

        double factor();
    }
}
