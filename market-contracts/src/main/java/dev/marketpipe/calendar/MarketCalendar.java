package dev.marketpipe.calendar;

import dev.marketpipe.wire.BarInterval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An exchange's trading calendar (its trading hours): which dates trade, when each session opens and
 * closes, and therefore which bars should exist. Everything in marketpipe that asks "should a bar exist here?"
 * asks this class. Immutable and thread-safe.
 *
 * <p>Bar timestamps are bar <em>starts</em>: the 1-minute bars of a 09:00–15:30 session start at 09:00 … 15:29, a
 * daily bar's timestamp is the session open.
 */
public final class MarketCalendar {

    /** The Korea Exchange's zone. */
    public static final ZoneId KRX_ZONE = ZoneId.of("Asia/Seoul");

    /** Length of KRX's optional pre-market and after-hours sessions (08:30–09:00, 15:30–16:00 KST). */
    public static final Duration EXTENDED_SESSION_LENGTH = Duration.ofMinutes(30);

    private final ZoneId zone;
    private final LocalTime regularOpen;
    private final LocalTime regularClose;
    private final Set<LocalDate> holidays;
    private final Map<LocalDate, LocalTime[]> specialSessions;
    private final Optional<LocalDate> lastCoveredDate;

    /** A calendar whose holiday list covers up to the end of the latest year it names. */
    public MarketCalendar(ZoneId zone, LocalTime regularOpen, LocalTime regularClose, Collection<LocalDate> holidays,
            Map<LocalDate, LocalTime[]> specialSessions) {
        this(zone, regularOpen, regularClose, holidays, specialSessions, yearEndOfLatest(holidays));
    }

    private MarketCalendar(ZoneId zone, LocalTime regularOpen, LocalTime regularClose, Collection<LocalDate> holidays,
            Map<LocalDate, LocalTime[]> specialSessions, Optional<LocalDate> lastCoveredDate) {
        this.zone = zone;
        this.regularOpen = regularOpen;
        this.regularClose = regularClose;
        this.holidays = Set.copyOf(holidays);
        this.specialSessions = Map.copyOf(specialSessions);
        this.lastCoveredDate = lastCoveredDate;
    }

    /** KRX with the shipped holiday and special-session lists (2025–2027). */
    public static MarketCalendar krx() {
        return krx(List.of());
    }

    /**
     * KRX with the shipped lists plus operator-configured extra holidays. Its {@link #lastCoveredDate()} is the shipped
     * list's: a few configured holidays of a later year do not make that year known.
     */
    public static MarketCalendar krx(Collection<LocalDate> extraHolidays) {
        List<LocalDate> shipped = readDates("krx-holidays.txt");
        Set<LocalDate> all = new HashSet<>(shipped);
        all.addAll(extraHolidays);
        return new MarketCalendar(KRX_ZONE, LocalTime.of(9, 0), LocalTime.of(15, 30), all,
                readSpecialSessions("krx-special-sessions.txt"), yearEndOfLatest(shipped));
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The last date the holiday list covers (the 31 December of its latest year; KRX's shipped list: 2027-12-31).
     * After it every weekday counts as a trading day, holiday or not. Empty for a calendar without holidays.
     */
    public Optional<LocalDate> lastCoveredDate() {
        return lastCoveredDate;
    }

    public boolean isTradingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    public Optional<Session> session(LocalDate date) {
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        LocalTime[] special = specialSessions.get(date);
        LocalTime open = special == null ? regularOpen : special[0];
        LocalTime close = special == null ? regularClose : special[1];
        return Optional.of(new Session(date, date.atTime(open).atZone(zone).toInstant(),
                date.atTime(close).atZone(zone).toInstant()));
    }

    /**
     * The optional pre-market session of {@code date} (normally 08:30–09:00 KST): the
     * {@link #EXTENDED_SESSION_LENGTH} before the regular open, so it moves with a late-open day (10:00 → 09:30–10:00).
     * Empty on a closed day. Not part of {@link #session(LocalDate)}: collectors ask for it explicitly.
     */
    public Optional<Session> preMarket(LocalDate date) {
        return session(date).map(s -> new Session(date, s.open().minus(EXTENDED_SESSION_LENGTH), s.open()));
    }

    /**
     * The optional after-hours session of {@code date} (normally 15:30–16:00 KST): the
     * {@link #EXTENDED_SESSION_LENGTH} after the regular close, so it moves with a late-close day (CSAT: 16:30–17:00).
     * Empty on a closed day.
     */
    public Optional<Session> afterHours(LocalDate date) {
        return session(date).map(s -> new Session(date, s.close(), s.close().plus(EXTENDED_SESSION_LENGTH)));
    }

    /** True while the pre-market session of the instant's exchange-local date is running. */
    public boolean isPreMarket(Instant now) {
        return preMarket(tradingDate(now)).map(s -> s.contains(now)).orElse(false);
    }

    /** True while the after-hours session of the instant's exchange-local date is running. */
    public boolean isAfterHours(Instant now) {
        return afterHours(tradingDate(now)).map(s -> s.contains(now)).orElse(false);
    }

    /**
     * True while the regular session or, when asked for, an extended session is running: the gate of a job that is
     * configured to collect in pre-market and/or after-hours too.
     */
    public boolean isOpen(Instant now, boolean includePreMarket, boolean includeAfterHours) {
        return isOpen(now) || (includePreMarket && isPreMarket(now)) || (includeAfterHours && isAfterHours(now));
    }

    /** Trading dates from {@code from} to {@code to}, both inclusive, in order. */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (isTradingDay(date)) {
                days.add(date);
            }
        }
        return days;
    }

    /** The exchange-local calendar date of an instant. */
    public LocalDate tradingDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** Every bar start the session of {@code date} should have at {@code interval}; empty on a closed day. */
    public List<Instant> barStarts(LocalDate date, BarInterval interval) {
        Optional<Session> session = session(date);
        if (session.isEmpty()) {
            return List.of();
        }
        if (interval == BarInterval.ONE_DAY) {
            return List.of(session.get().open());
        }
        List<Instant> starts = new ArrayList<>();
        Duration step = interval.length();
        for (Instant t = session.get().open(); t.isBefore(session.get().close()); t = t.plus(step)) {
            starts.add(t);
        }
        return starts;
    }

    /** True when a bar starting at {@code barStart} belongs to a session (and, intraday, to the interval grid). */
    public boolean isBarStart(Instant barStart, BarInterval interval) {
        Optional<Session> session = session(tradingDate(barStart));
        if (session.isEmpty()) {
            return false;
        }
        if (interval == BarInterval.ONE_DAY) {
            return barStart.equals(session.get().open());
        }
        long offset = Duration.between(session.get().open(), barStart).toSeconds();
        return session.get().contains(barStart) && offset % interval.length().toSeconds() == 0;
    }

    /** True while a regular session is running at {@code now}. */
    public boolean isOpen(Instant now) {
        return session(tradingDate(now)).map(s -> s.contains(now)).orElse(false);
    }

    /** Start of the last intraday bar that has completed at {@code now} in today's session, if any. */
    public Optional<Instant> lastCompletedBarStart(Instant now, BarInterval interval) {
        if (!interval.isIntraday()) {
            throw new IllegalArgumentException("only intraday intervals have bars that complete during a session");
        }
        Optional<Session> session = session(tradingDate(now));
        if (session.isEmpty() || !now.isAfter(session.get().open())) {
            return Optional.empty();
        }
        Instant end = now.isAfter(session.get().close()) ? session.get().close() : now;
        long step = interval.length().toSeconds();
        long completed = Duration.between(session.get().open(), end).toSeconds() / step;
        if (completed == 0) {
            return Optional.empty();
        }
        return Optional.of(session.get().open().plusSeconds((completed - 1) * step));
    }

    /** The closest trading day strictly before {@code date}, looking back at most a year. */
    public Optional<LocalDate> previousTradingDay(LocalDate date) {
        for (LocalDate d = date.minusDays(1); d.isAfter(date.minusYears(1)); d = d.minusDays(1)) {
            if (isTradingDay(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> yearEndOfLatest(Collection<LocalDate> holidays) {
        return holidays.stream().max(LocalDate::compareTo).map(latest -> LocalDate.of(latest.getYear(), 12, 31));
    }

    private static List<LocalDate> readDates(String resource) {
        List<LocalDate> dates = new ArrayList<>();
        for (String[] fields : readTable(resource)) {
            dates.add(LocalDate.parse(fields[0]));
        }
        return dates;
    }

    private static Map<LocalDate, LocalTime[]> readSpecialSessions(String resource) {
        Map<LocalDate, LocalTime[]> sessions = new HashMap<>();
        for (String[] fields : readTable(resource)) {
            sessions.put(LocalDate.parse(fields[0]),
                    new LocalTime[] {LocalTime.parse(fields[1]), LocalTime.parse(fields[2])});
        }
        return sessions;
    }

    private static List<String[]> readTable(String resource) {
        try (InputStream in = MarketCalendar.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("calendar resource missing: " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                int comment = line.indexOf('#');
                String content = (comment >= 0 ? line.substring(0, comment) : line).trim();
                if (!content.isEmpty()) {
                    rows.add(content.split("\\s+"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
