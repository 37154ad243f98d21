package dev.marketpipe.loader.database;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

/**
 * Spec §7.3 "Connection lost": while PostgreSQL is unreachable the loader answers 503 (the caller retries; the
 * archive's outbox keeps the batch) instead of a 500 that would read as our bug. Agroal reconnects on its own.
 */
@TranslatesDatabaseFaults
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DatabaseFaultInterceptor {

    private static final Logger LOG = Logger.getLogger(DatabaseFaultInterceptor.class);

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (WebApplicationException e) {
            throw e;
        } catch (Exception e) {
            if (DatabaseFaults.isUnavailable(e)) {
                LOG.warnf("database unreachable during %s: %s", context.getMethod().getName(), rootMessage(e));
                throw new ServiceUnavailableException("the database is unreachable; retry later");
            }
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
