package dev.marketpipe.collector.health;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.collector.collection.LastCollection;
import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.config.MarketClock;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Health check {@code last_collection}: DOWN when the KRX regular session has been running for longer than
 * {@code marketpipe.collector.health.last-collection.max-age} and this collector has collected no batch within that
 * time. Outside the session (nights, weekends, holidays, late-open mornings) nothing is expected, so it is UP; the
 * age counts from the session's open at the earliest, so a morning is not DOWN for the previous evening.
 *
 * <p>A wellness check ({@code /q/health/well}, shown in {@code /q/health}), neither readiness nor liveness: a
 * collection that stopped is almost always the provider, the rate budget or an empty lease share, which neither
 * taking the pod out of its Service nor restarting it fixes; it is for the operator and the alerts.
 */
@Wellness
@ApplicationScoped
public class LastCollectionCheck implements HealthCheck {

    private static final String NAME = "last_collection";

    private final LastCollection last;
    private final MarketCalendar calendar;
    private final MarketClock clock;
    private final Duration maxAge;
    private final boolean liveEnabled;

    LastCollectionCheck(LastCollection last, MarketCalendar calendar, MarketClock clock, HealthConfig health,
            CollectorConfig collector) {
        this.last = last;
        this.calendar = calendar;
        this.clock = clock;
        this.maxAge = health.lastCollection().maxAge();
        this.liveEnabled = collector.live().enabled();
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.now();
        Optional<Instant> lastAt = last.at();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("lastCollection", lastAt.map(Instant::toString).orElse("none since start"))
                .withData("maxAgeSeconds", maxAge.toSeconds());
        Optional<Session> session = calendar.session(calendar.tradingDate(now)).filter(s -> s.contains(now));
        if (session.isEmpty()) {
            return response.up().withData("enforced", "no: the KRX regular session is not running").build();
        }
        if (!liveEnabled) {
            return response.up().withData("enforced", "no: the live job is off (marketpipe.collector.live.enabled)")
                    .build();
        }
        Instant since = lastAt.filter(at -> at.isAfter(session.get().open())).orElse(session.get().open());
        Duration age = Duration.between(since, now);
        return response.status(age.compareTo(maxAge) <= 0).withData("enforced", "yes: market hours")
                .withData("ageSeconds", age.toSeconds()).build();
    }
}
