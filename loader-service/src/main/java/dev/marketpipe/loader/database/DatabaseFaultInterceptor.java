package dev.marketpipe.loader.database;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Database faults at the REST boundary, outside the transaction so that a failed one can be run again as a whole:
 * <ul>
 *   <li>connection lost → 503 (the caller retries; the archive's outbox keeps the batch); Agroal reconnects by
 *       itself;</li>
 *   <li>a write race (unique violation, deadlock, serialization failure) → the request runs again, up to
 *       {@code marketpipe.loader.database.race-attempts} times in all; a lasting unique violation is then a 409, a
 *       lasting deadlock a 503 — never a 500, which would read as our bug;</li>
 *   <li>disk full or other lack of resources → 503, and readiness DOWN ({@link DatabaseWritability}) until a write
 *       succeeds again.</li>
 * </ul>
 */
@TranslatesDatabaseFaults
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DatabaseFaultInterceptor {

    private static final Logger LOG = Logger.getLogger(DatabaseFaultInterceptor.class);

    private final DatabaseWritability writability;
    private final DatabaseFaultConfig config;

    public DatabaseFaultInterceptor(DatabaseWritability writability, DatabaseFaultConfig config) {
        this.writability = writability;
        this.config = config;
    }

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        String method = context.getMethod().getName();
        for (int attempt = 1; ; attempt++) {
            try {
                Object result = context.proceed();
                if (!context.getMethod().isAnnotationPresent(GET.class)) {
                    writability.writeSucceeded(method);
                }
                return result;
            } catch (WebApplicationException e) {
                throw e;
            } catch (Exception e) {
                Optional<DatabaseFault> fault = DatabaseFaults.classify(e);
                if (fault.isEmpty()) {
                    throw e;
                }
                writability.record(fault.get(), e);
                if (fault.get().retryable() && attempt < config.raceAttempts()) {
                    LOG.infof("%s met a %s (attempt %d of %d), running it again: %s", method, fault.get().label(),
                            attempt, config.raceAttempts(), DatabaseWritability.rootMessage(e));
                    continue;
                }
                throw answer(fault.get(), method, e);
            }
        }
    }

    private static WebApplicationException answer(DatabaseFault fault, String method, Exception e) {
        String cause = DatabaseWritability.rootMessage(e);
        return switch (fault) {
            case CONNECTION_LOST -> {
                LOG.warnf("database unreachable during %s: %s", method, cause);
                yield new ServiceUnavailableException("the database is unreachable; retry later");
            }
            case DUPLICATE_KEY -> {
                LOG.warnf("%s kept meeting a unique violation: %s", method, cause);
                yield new ClientErrorException("a concurrent request stored the same record; retry to read its result",
                        Response.Status.CONFLICT);
            }
            case CONCURRENT_UPDATE -> {
                LOG.warnf("%s kept meeting concurrent writers: %s", method, cause);
                yield new ServiceUnavailableException("concurrent writes to the same rows; retry later");
            }
            case DISK_FULL, INSUFFICIENT_RESOURCES ->
                    new ServiceUnavailableException("the database cannot store data right now ("
                            + fault.label() + "); retry later");
        };
    }
}
