package dev.marketpipe.simulator.control;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The armed fault: which status the next {@code remaining} market requests get. {@code status} 0 means none.
 */
@RegisterForReflection
public record FaultState(int status, int remaining, int retryAfterSeconds) {

    static final FaultState NONE = new FaultState(0, 0, 0);

    boolean armed() {
        return remaining > 0;
    }
}
