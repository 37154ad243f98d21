package dev.marketpipe.collector.budget;

import io.quarkus.arc.ArcInvocationContext;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Takes a rate-budget token, at the priority of the work on this thread and from the budget of the provider the
 * request goes to ({@link Budgeted#value()}), right before each {@link Budgeted} request leaves: data requests,
 * every retry, re-authentication and token requests alike.
 */
@Budgeted
@Interceptor
@jakarta.annotation.Priority(Interceptor.Priority.APPLICATION)
public class BudgetInterceptor {

    private final ProviderBudgets budgets;

    BudgetInterceptor(ProviderBudgets budgets) {
        this.budgets = budgets;
    }

    @AroundInvoke
    Object takeToken(InvocationContext context) throws Exception {
        Budgeted binding = ArcInvocationContext.findIterceptorBinding(context, Budgeted.class);
        budgets.of(binding.value()).acquire(WorkPriority.current());
        return context.proceed();
    }
}
