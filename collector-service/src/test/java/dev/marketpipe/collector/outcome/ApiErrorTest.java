package dev.marketpipe.collector.outcome;

import dev.marketpipe.collector.budget.BudgetShed;
import dev.marketpipe.collector.budget.Priority;
import dev.marketpipe.collector.provider.ProviderException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are the provider's (failover, alert) and which are not (API errors and rate limits). */
class ApiErrorTest {

    @Test
    void aServerErrorIsTheProvidersFaultAndAlerts() {
        ApiError error = ApiError.of(new ProviderException.Unavailable(503, "down"));
        assertTrue(error.providerFault());
        assertTrue(error.alerts());
    }

    @Test
    void aBadRequestIsNeitherTheProvidersFaultNorAnAlert() {
        ApiError error = ApiError.of(new ProviderException.Rejected(400, "bad symbol"));
        assertEquals(ApiError.BAD_REQUEST, error.type());
        assertFalse(error.providerFault());
        assertFalse(error.alerts());
    }

    @Test
    void aRequestTheBudgetShedNeverReachedTheProviderSoItNeitherFailsOverNorAlerts() {
        ApiError error = ApiError.of(new BudgetShed(Priority.LOW, 10_000));
        assertEquals(ApiError.BUDGET_SHED, error.type());
        assertFalse(error.providerFault(), "a shed request must not push collection to the backup");
        assertFalse(error.alerts());
    }

    @Test
    void everyProviderFailureHasAKnownTypeSoItsCounterStartsAtZero() {
        for (ProviderException failure : new ProviderException[] {new ProviderException.RateLimited(null),
                new ProviderException.AuthenticationFailed(401, "expired"), new ProviderException.Rejected(400, "x"),
                new ProviderException.Unavailable(500, "down")}) {
            assertTrue(ApiError.TYPES.contains(ApiError.of(failure).type()), failure.errorType());
        }
    }
}
