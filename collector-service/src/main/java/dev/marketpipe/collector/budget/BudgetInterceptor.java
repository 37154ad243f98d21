package dev.marketpipe.collector.budget;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Takes a rate-budget token, at the priority of the work on this thread, right before each {@link Budgeted}
 * request leaves: data requests, every retry, re-authentication and token requests alike.
 */
@Budgeted
@Interceptor
@jakarta.annotation.Priority(Interceptor.Priority.APPLICATION)
public class BudgetInterceptor {

    private final RateBudget budget;

    BudgetInterceptor(RateBudget budget) {
        this.budget = budget;
    }

    @AroundInvoke
    Object takeToken(InvocationContext context) throws Exception {
        budget.acquire(WorkPriority.current());
        return context.proceed();
    }
}
