package dev.marketpipe.validator.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.config.ValidatorConfig;
import dev.marketpipe.validator.records.AccountRules;
import dev.marketpipe.validator.records.AccountRulesConfig;
import dev.marketpipe.validator.records.RecordBatchValidator;
import dev.marketpipe.validator.records.TickRules;
import dev.marketpipe.validator.rules.RuleSet;
import dev.marketpipe.validator.rules.TickGridRule;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds the plain (framework-free) validation objects from configuration. */
public class ValidationBeans {

    @Produces
    @Singleton
    BatchValidator batchValidator(MarketCalendar calendar, ValidatorConfig config) {
        if (config.maxVolume() < 0) {
            throw new IllegalArgumentException("marketpipe.validator.max-volume must not be negative");
        }
        return new BatchValidator(calendar,
                RuleSet.standard(calendar, config.priceLimit(), config.maxVolume(), tickGrid(config)),
                config.gapScanMaxWindow());
    }

    private static Optional<TickGridRule> tickGrid(ValidatorConfig config) {
        ValidatorConfig.TickGrid grid = config.tickGrid();
        return grid.enabled()
                ? Optional.of(new TickGridRule(grid.flatTickSymbols().orElse(Set.of()), grid.flatTick(), grid.since()))
                : Optional.empty();
    }

    @Produces
    @Singleton
    RecordBatchValidator recordBatchValidator(AccountRulesConfig config, MarketCalendar calendar,
            ValidatorConfig validator, ObjectMapper json) {
        if (config.totalTolerance().signum() < 0) {
            throw new IllegalArgumentException("marketpipe.validator.account.total-tolerance must not be negative");
        }
        return new RecordBatchValidator(new AccountRules(config.totalTolerance()),
                new TickRules(calendar, validator.priceLimit(), tickGrid(validator)), json);
    }
}
