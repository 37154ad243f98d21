package dev.marketpipe.collector.provider;

import dev.marketpipe.collector.budget.BudgetConfig;
import dev.marketpipe.collector.budget.BudgetPolicy;
import dev.marketpipe.collector.budget.RateBudget;
import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.util.function.IntSupplier;
import javax.sql.DataSource;

/**
 * One {@link RateBudget} per configured provider: the primary's and the backup's are
 * different providers with limits of their own, each kept in its own {@code collector.rate_budget} row keyed by the
 * provider's name, which every replica shares. Built at start-up, so that a backup configured under the primary's
 * name (which would merge the two budgets, and make batches of both sources look alike) stops the collector at once.
 */
@Startup
@Singleton
public class ProviderBudgets {

    private final RateBudget primary;
    private final RateBudget backup;

    ProviderBudgets(DataSource dataSource, BudgetConfig budget, CollectorConfig collector,
            BackupProviderConfig backupProvider, FailoverConfig failover, SymbolOwnership replicas,
            MeterRegistry registry) {
        String primaryName = ProviderNames.primary(collector);
        String backupName = ProviderNames.backup(backupProvider);
        if (failover.enabled() && primaryName.equals(backupName)) {
            throw new IllegalStateException("the backup provider needs a name of its own (marketpipe.collector."
                    + "backup-api.name), not the primary's '" + primaryName + "': each provider has its own"
                    + " rate budget and batches say which one answered");
        }
        IntSupplier members = replicas::lastSeenMembers;
        this.primary = budget(dataSource, budget, primaryName, budget.effectiveRequestsPerSecond(), members, registry);
        this.backup = budget(dataSource, budget, backupName, budget.backupEffectiveRequestsPerSecond(), members,
                registry);
    }

    /** The budget of the provider in {@code role}. */
    public RateBudget of(SourceRole role) {
        return role == SourceRole.BACKUP ? backup : primary;
    }

    private static RateBudget budget(DataSource dataSource, BudgetConfig budget, String provider,
            int requestsPerSecond, IntSupplier replicas, MeterRegistry registry) {
        if (!budget.enabled()) {
            return RateBudget.unlimited(provider, registry);
        }
        return new RateBudget(dataSource, provider, BudgetPolicy.from(budget, requestsPerSecond), registry, replicas);
    }
}
