package dev.marketpipe.simulator.control;

import dev.marketpipe.simulator.auth.TokenStore;
import dev.marketpipe.simulator.kis.KisTokens;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws the faults of the {@link FaultMix} in force, one draw per market request, and expires every token on the mix's
 * schedule. Counts what it injected ({@link Injected}), so a chaos run can report the faults it survived.
 */
@ApplicationScoped
public class FaultMixer {

    private static final int[] SERVER_ERRORS = {500, 502, 503};

    private final TokenStore tokens;
    private final KisTokens kisTokens;
    private final Clock clock;
    private final Map<String, Long> injected = new TreeMap<>();
    private SplittableRandom random = new SplittableRandom(0);
    private FaultMix mix = FaultMix.NONE;
    private Instant nextExpiry;

    public FaultMixer(TokenStore tokens, KisTokens kisTokens, Clock clock) {
        this.tokens = tokens;
        this.kisTokens = kisTokens;
        this.clock = clock;
    }

    /** The mix in force and what it injected since it was set. */
    @RegisterForReflection
    public record Injected(FaultMix mix, Map<String, Long> injected) {
    }

    public synchronized Injected set(FaultMix requested, long seed) {
        mix = requested.withDefaults();
        random = new SplittableRandom(seed);
        injected.clear();
        nextExpiry = mix.tokenExpirySeconds() > 0 ? clock.instant().plusSeconds(mix.tokenExpirySeconds()) : null;
        return state();
    }

    public synchronized Injected clear() {
        Injected last = state();
        mix = FaultMix.NONE;
        nextExpiry = null;
        return last;
    }

    public synchronized Injected state() {
        return new Injected(mix, Map.copyOf(injected));
    }

    /** What one market request meets: nothing, an error answer, or a hold longer than the client waits. */
    public sealed interface Draw permits Answer, Hold {
    }

    /** Answer with this fault. */
    public record Answer(FaultState fault) implements Draw {
    }

    /** Hold the request this long before answering. */
    public record Hold(Duration delay) implements Draw {
    }

    /** One draw for a market request (expiring every token first when the schedule says so). */
    public synchronized Optional<Draw> draw() {
        if (!mix.draws()) {
            return Optional.empty();
        }
        if (nextExpiry != null && !clock.instant().isBefore(nextExpiry)) {
            tokens.revokeAll();
            kisTokens.expireAll();
            count("token_expiry");
            nextExpiry = clock.instant().plusSeconds(mix.tokenExpirySeconds());
        }
        double roll = random.nextDouble();
        if (roll < mix.serverErrors()) {
            int status = SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)];
            count(Integer.toString(status));
            return Optional.of(new Answer(new FaultState(status, 1, 0)));
        }
        roll -= mix.serverErrors();
        if (roll < mix.rateLimits()) {
            count("429");
            return Optional.of(new Answer(new FaultState(429, 1, mix.retryAfterSeconds())));
        }
        roll -= mix.rateLimits();
        if (roll < mix.timeouts()) {
            count("timeout");
            return Optional.of(new Hold(Duration.ofMillis(mix.timeoutDelayMillis())));
        }
        return Optional.empty();
    }

    private void count(String kind) {
        injected.merge(kind, 1L, Long::sum);
    }
}
