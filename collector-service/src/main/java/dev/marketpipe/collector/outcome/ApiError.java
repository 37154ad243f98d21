package dev.marketpipe.collector.outcome;

import dev.marketpipe.collector.budget.BudgetShed;
import dev.marketpipe.collector.provider.ProviderException;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.util.List;

/**
 * A securities-API call that failed for good, named by its row of the API error table ({@link ProviderException}).
 * {@link #type()} is a short, bounded name (a metric label and the {@code error_type} column); {@link #alerts()} says
 * whether the operator is alerted.
 */
public record ApiError(String type, int status, String message) {

    public static final String BAD_REQUEST = "bad_request";
    public static final String TIMEOUT = "timeout";
    public static final String CONNECTION_ERROR = "connection_error";
    public static final String CIRCUIT_OPEN = "circuit_open";
    public static final String UNEXPECTED = "unexpected";
    /** Not sent at all: our own rate budget gave the request no token in time (its priority's maximum wait). */
    public static final String BUDGET_SHED = "budget_shed";

    /**
     * Every {@link #type()} there is: the {@link ProviderException} rows and the ones above. The metrics start each
     * at 0, so that Prometheus sees the first failure of a kind as an increase.
     */
    public static final List<String> TYPES = List.of("rate_limited", "auth_failed", BAD_REQUEST, "server_error",
            TIMEOUT, CONNECTION_ERROR, CIRCUIT_OPEN, UNEXPECTED, BUDGET_SHED);

    public static ApiError of(Throwable failure) {
        if (failure instanceof ProviderException.TokenThrottled) {
            // nothing was sent: like a shed request, our own rate rule (one token request a minute) held it back
            return new ApiError(BUDGET_SHED, 0, failure.getMessage());
        }
        if (failure instanceof ProviderException e) {
            return new ApiError(e.errorType(), e.status(), e.getMessage());
        }
        if (failure instanceof BudgetShed) {
            return new ApiError(BUDGET_SHED, 0, failure.getMessage());
        }
        if (failure instanceof TimeoutException) {
            return new ApiError(TIMEOUT, 0, "no answer within the per-attempt timeout");
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new ApiError(CIRCUIT_OPEN, 0, "circuit breaker open: the provider failed too often recently");
        }
        if (failure instanceof ProcessingException) {
            return causedByTimeout(failure)
                    ? new ApiError(TIMEOUT, 0, "read timed out: " + rootMessage(failure))
                    : new ApiError(CONNECTION_ERROR, 0, "connection failed: " + rootMessage(failure));
        }
        return new ApiError(UNEXPECTED, 0, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    /**
     * 400 "log error, skip request": the request was wrong, not the provider; a shed request was our own budget's
     * choice (counted in the budget metrics); every other row alerts.
     */
    public boolean alerts() {
        return providerFault();
    }

    /**
     * Whether the failure says the provider is unwell (counts towards failover). A 400 does not, nor does a request
     * the rate budget shed before sending it — the provider never saw it.
     */
    public boolean providerFault() {
        return !BAD_REQUEST.equals(type) && !BUDGET_SHED.equals(type);
    }

    private static boolean causedByTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
