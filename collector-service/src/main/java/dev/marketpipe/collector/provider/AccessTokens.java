package dev.marketpipe.collector.provider;

import dev.marketpipe.collector.budget.BudgetShed;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * A provider's access token: requested once, reused until shortly before it expires, and replaced only when the
 * provider rejected it. Never requested in a loop: at most one token request per
 * {@code marketpipe.collector.token.min-request-interval} (KIS issues one per minute), failed requests included;
 * while a renewal is not allowed yet, callers get an authentication error at once instead of a new request. The
 * health check goes through here, so probing cannot ask for tokens more often either. How a token is obtained is
 * the provider's ({@link Issuer}).
 */
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class);

    /** Obtains a token: one request to the provider, or a token it issued earlier that is kept elsewhere. */
    @FunctionalInterface
    public interface Issuer {
        /** @param refused the token the provider just refused (not to be handed out again), or null */
        Issued issue(String refused);
    }

    /**
     * A token the provider issued.
     *
     * @param requested false when no request was sent for it (a token shared through a store)
     */
    public record Issued(String value, Instant expiresAt, boolean requested) {
        @Override
        public String toString() {
            return "Issued[value=***, expiresAt=" + expiresAt + ", requested=" + requested + "]";
        }
    }

    private final Issuer issuer;
    private final SourceRole role;
    private final String provider;
    private final Duration refreshMargin;
    private final Duration minRequestInterval;
    private final MarketClock clock;
    private final MeterRegistry registry;
    private Issued current;
    private Instant lastRequestAt;
    private String refused;

    public AccessTokens(Issuer issuer, ProviderSettings settings, MarketClock clock, MeterRegistry registry) {
        this.issuer = issuer;
        this.role = settings.role();
        this.provider = settings.name();
        this.refreshMargin = settings.tokenRefreshMargin();
        this.minRequestInterval = settings.tokenMinRequestInterval();
        this.clock = clock;
        this.registry = registry;
    }

    /** The token to use now (without any scheme prefix). */
    public synchronized String token() {
        Instant now = clock.now();
        if (current != null && now.isBefore(current.expiresAt().minus(refreshMargin))) {
            return current.value();
        }
        if (!renewalAllowed(now)) {
            if (current != null && now.isBefore(current.expiresAt())) {
                return current.value(); // still valid: renew once the interval has passed
            }
            count("throttled");
            throw new ProviderException.TokenThrottled("no valid access token for " + provider
                    + ", and a new one may be requested only once every " + minRequestInterval.toSeconds()
                    + " s (next at " + lastRequestAt.plus(minRequestInterval) + ")",
                    lastRequestAt.plus(minRequestInterval));
        }
        Instant previousRequest = lastRequestAt;
        lastRequestAt = now;
        try {
            current = issuer.issue(refused);
            count(current.requested() ? "issued" : "shared");
        } catch (BudgetShed shed) {
            lastRequestAt = previousRequest; // our own budget kept the request back: nothing was asked
            throw shed;
        } catch (RuntimeException e) {
            count("failed");
            throw e;
        }
        if (!current.requested()) {
            lastRequestAt = previousRequest; // nothing was asked of the provider
        }
        LOG.infof("obtained an access token from %s (%s), valid until %s", provider, role.code(), current.expiresAt());
        return current.value();
    }

    /** The {@code Authorization} header value to use now. */
    public String authorization() {
        return "Bearer " + token();
    }

    /** Forget the token that was just refused, unless another thread already replaced it. */
    public synchronized void invalidate(String refusedAuthorization) {
        if (current != null && (refusedAuthorization.equals(current.value())
                || refusedAuthorization.equals("Bearer " + current.value()))) {
            refused = current.value();
            current = null;
        }
    }

    /**
     * One call with the current token; a refused token (401) is replaced once and the call repeated.
     *
     * @param call gets the token (without scheme)
     */
    public <T> T withRenewal(Function<String, T> call) {
        String token = token();
        try {
            return call.apply(token);
        } catch (ProviderException.AuthenticationFailed refused) {
            invalidate(token);
            registry.counter("marketpipe.collector.api.requests", "outcome", "auth_renewed").increment();
            return call.apply(token());
        }
    }

    private boolean renewalAllowed(Instant now) {
        // a clock set back (tests, NTP) must not lock the collector out for the length of the jump
        return lastRequestAt == null || now.isBefore(lastRequestAt)
                || !now.isBefore(lastRequestAt.plus(minRequestInterval));
    }

    private void count(String outcome) {
        registry.counter("marketpipe.collector.api.tokens", "source", role.code(), "outcome", outcome).increment();
    }
}
