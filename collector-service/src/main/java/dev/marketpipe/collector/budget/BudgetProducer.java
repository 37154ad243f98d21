package dev.marketpipe.collector.budget;

import dev.marketpipe.collector.config.CollectorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/** The collector's one {@link RateBudget}, keyed by the provider name so every replica shares it. */
public class BudgetProducer {

    @Produces
    @Singleton
    RateBudget rateBudget(DataSource dataSource, BudgetConfig budget, CollectorConfig collector, MeterRegistry registry) {
        if (!budget.enabled()) {
            return RateBudget.unlimited(collector.api().provider(), registry);
        }
        return new RateBudget(dataSource, collector.api().provider(), BudgetPolicy.from(budget), registry);
    }
}
