package dev.marketpipe.simulator.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Injectable API faults for the collector's error handling: rate limits, expired sessions, server
 * errors. One plan at a time; each market request consumes one failure until none remain.
 */
@ApplicationScoped
public class FaultInjector {

    private static final int DEFAULT_COUNT = 1;
    private static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

    private final MeterRegistry registry;
    private FaultState state = FaultState.NONE;

    public FaultInjector(MeterRegistry registry) {
        this.registry = registry;
    }

    public synchronized FaultState arm(FaultRequest request) {
        state = new FaultState(request.status(),
                request.count() == null ? DEFAULT_COUNT : request.count(),
                request.retryAfterSeconds() == null ? DEFAULT_RETRY_AFTER_SECONDS : request.retryAfterSeconds());
        return state;
    }

    public synchronized void clear() {
        state = FaultState.NONE;
    }

    public synchronized FaultState state() {
        return state;
    }

    /** Consumes one failure of the armed plan, if any: the fault this request must answer with. */
    public Optional<FaultState> take() {
        FaultState taken;
        synchronized (this) {
            if (!state.armed()) {
                return Optional.empty();
            }
            taken = state;
            state = state.remaining() == 1
                    ? FaultState.NONE
                    : new FaultState(state.status(), state.remaining() - 1, state.retryAfterSeconds());
        }
        Counter.builder("marketpipe.simulator.faults.injected")
                .description("market requests answered with an injected fault")
                .tag("status", Integer.toString(taken.status()))
                .register(registry)
                .increment();
        return Optional.of(taken);
    }
}
