package dev.marketpipe.validator.records;

import io.smallrye.config.ConfigMapping;

import java.math.BigDecimal;

/** Settings of the account rules, under {@code marketpipe.validator.account}. */
@ConfigMapping(prefix = "marketpipe.validator.account")
public interface AccountRulesConfig {

    /** Largest difference (KRW) between a total and the sum of its parts that is still provider rounding. */
    BigDecimal totalTolerance();
}
