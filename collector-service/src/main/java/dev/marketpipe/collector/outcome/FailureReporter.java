package dev.marketpipe.collector.outcome;

import dev.marketpipe.collector.provider.Backup;
import dev.marketpipe.collector.provider.SecuritiesProvider;
import dev.marketpipe.wire.CollectionAttempt;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What happens after a securities-API call failed for good: an ERROR log line
 * naming symbol, interval and error type, the alert counter {@code marketpipe.collector.api.alerts{type}} (every row
 * but 400), and a {@code data_collection_log} row through the loader ({@link CollectionLogOutbox}). Messages are
 * scrubbed: credentials and bearer tokens never leave the collector.
 */
@ApplicationScoped
public class FailureReporter {

    private static final Logger LOG = Logger.getLogger(FailureReporter.class);
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+");
    static final int MAX_MESSAGE = 500;
    private static final int MIN_SECRET_LENGTH = 4;

    private final CollectionLogOutbox outbox;
    private final MeterRegistry registry;
    private final List<String> secrets;

    FailureReporter(CollectionLogOutbox outbox, MeterRegistry registry, SecuritiesProvider primary,
            @Backup SecuritiesProvider backup) {
        this.outbox = outbox;
        this.registry = registry;
        this.secrets = Stream.concat(primary.secrets().stream(), backup.secrets().stream()).toList();
    }

    /**
     * @param call        what was asked: data type, symbol, interval
     * @param servedElsewhere true when another source then answered the request (the row is a warning)
     */
    public void failed(CallContext call, SourceRole source, String provider, ApiError error, int attempts,
            long elapsedMs, boolean servedElsewhere) {
        String message = scrub(error.message());
        if (error.alerts()) {
            registry.counter("marketpipe.collector.api.alerts", "type", error.type()).increment();
            LOG.errorf("ALERT securities API request failed after %d attempt(s): symbol=%s interval=%s data_type=%s "
                    + "error_type=%s source=%s%s: %s", attempts, call.symbol(), call.interval(), call.dataType(),
                    error.type(), source.code(), servedElsewhere ? " (served by the other source)" : "", message);
        } else {
            LOG.errorf("securities API request skipped without retry: symbol=%s interval=%s data_type=%s "
                    + "error_type=%s source=%s: %s", call.symbol(), call.interval(), call.dataType(), error.type(),
                    source.code(), message);
        }
        outbox.submit(new CollectionAttempt(call.symbol(), call.interval(), call.dataType(),
                servedElsewhere ? "warning" : "error", 0, message, elapsedMs, error.type(), source.code(), provider,
                attempts, null, null));
    }

    String scrub(String text) {
        String clean = BEARER.matcher(text).replaceAll("Bearer ***");
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                clean = clean.replace(secret, "***");
            }
        }
        return clean.length() > MAX_MESSAGE ? clean.substring(0, MAX_MESSAGE) + "…" : clean;
    }
}
