package dev.marketpipe.simulator.control;

import dev.marketpipe.simulator.auth.MarketApiPaths;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a market request with the armed fault before authentication runs, the way an overloaded or failing
 * provider answers regardless of who asks ({@link FaultAnswers}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class FaultInjectionFilter implements ContainerRequestFilter {

    private final FaultInjector faults;
    private final FaultAnswers answers;

    public FaultInjectionFilter(FaultInjector faults, FaultAnswers answers) {
        this.faults = faults;
        this.answers = answers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!MarketApiPaths.isProviderApi(request)) {
            return;
        }
        boolean kis = MarketApiPaths.isKisApi(request);
        faults.take().ifPresent(fault -> request.abortWith(answers.answer(fault, kis)));
    }
}
