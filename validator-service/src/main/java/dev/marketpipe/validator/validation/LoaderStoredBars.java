package dev.marketpipe.validator.validation;

import dev.marketpipe.validator.client.LoaderClient;
import dev.marketpipe.validator.client.LoaderRejectedException;
import dev.marketpipe.validator.config.ValidatorConfig;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored bars of a batch's window for the cross-batch checks (duplicates and gaps), read through the
 * loader's {@code GET /v1/bars}: one read per market-data batch. Not cached: the window was usually just written.
 * The loader's 404 for a symbol it has never stored a bar of means "nothing stored" (the first batch of a new symbol).
 * Any other failure (unreachable, timeout, 5xx, 4xx, breaker open) means "unknown": the batch keeps its batch-local
 * verdict, a DEBUG line says why and {@code marketpipe_validator_cross_batch_checks_skipped_total} counts it.
 * Switched off by {@code marketpipe.validator.cross-batch.enabled=false}.
 */
@ApplicationScoped
public class LoaderStoredBars implements StoredBars {

    private static final Logger LOG = Logger.getLogger(LoaderStoredBars.class);

    private final LoaderClient loader;
    private final boolean enabled;
    private final Counter skipped;

    public LoaderStoredBars(LoaderClient loader, ValidatorConfig config, MeterRegistry registry) {
        this.loader = loader;
        this.enabled = config.crossBatch().enabled();
        this.skipped = Counter.builder("marketpipe.validator.cross_batch.checks.skipped")
                .description("Market-data batches judged within the batch only because the loader's stored bars "
                        + "could not be read")
                .register(registry);
    }

    @Override
    public Optional<List<Bar>> between(String symbol, BarInterval interval, Instant from, Instant to) {
        if (!enabled) {
            return Optional.empty();
        }
        try {
            List<Bar> bars = loader.bars(symbol, interval, from, to);
            return Optional.of(bars == null ? List.of() : bars);
        } catch (LoaderRejectedException e) {
            if (e.status() == 404) {
                return Optional.of(List.of());
            }
            return skip(symbol, interval, from, to, e);
        } catch (RuntimeException e) {
            return skip(symbol, interval, from, to, e);
        }
    }

    /** Whether stored bars are read at all ({@code marketpipe.validator.cross-batch.enabled}). */
    boolean enabled() {
        return enabled;
    }

    /** A window whose read failed elsewhere (a group's read): counted and logged as this class's own failures. */
    Optional<List<Bar>> skip(String symbol, BarInterval interval, Instant from, Instant to, Exception e) {
        skipped.increment();
        LOG.debugf("stored %s bars of %s in %s .. %s unknown, duplicates and gaps judged within the batch: %s",
                interval.code(), symbol, from, to, e.toString());
        return Optional.empty();
    }
}
