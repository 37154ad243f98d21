package dev.marketpipe.validator.rules;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.util.List;

/**
 * A record must be about the symbol its batch was collected for; anything else is {@code symbol_mismatch}
 * (critical), because loading it would write one stock's prices under another's key.
 */
public final class SymbolRule implements BarRule {

    @Override
    public List<QualityIssue> check(Bar bar, BarContext context) {
        if (bar.symbol() == null || bar.symbol().isBlank() || bar.symbol().equals(context.batchSymbol())) {
            return List.of();
        }
        return List.of(new QualityIssue(RuleCodes.SYMBOL_MISMATCH, Severity.CRITICAL, bar.timestamp(),
                "record symbol '" + bar.symbol() + "' differs from batch symbol '" + context.batchSymbol() + "'"));
    }
}
