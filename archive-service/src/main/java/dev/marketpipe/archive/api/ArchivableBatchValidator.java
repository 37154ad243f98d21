package dev.marketpipe.archive.api;

import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ArchivableBatch}; reports each problem on its own field. */
public class ArchivableBatchValidator implements ConstraintValidator<ArchivableBatch, CollectedBatch> {

    @Override
    public boolean isValid(CollectedBatch batch, ConstraintValidatorContext context) {
        if (batch == null) {
            return true; // @NotNull's job
        }
        context.disableDefaultConstraintViolation();
        boolean valid = required(context, "batchId", batch.batchId());
        valid &= required(context, "dataType", batch.dataType());
        if (batch.dataType() == DataType.MARKET_DATA) {
            valid &= required(context, "interval", batch.interval()); // order books and account data have none
        }
        valid &= required(context, "source", batch.source());
        valid &= required(context, "windowStart", batch.windowStart());
        valid &= required(context, "fetchedAt", batch.fetchedAt());
        if (batch.rawResponse() == null || batch.rawResponse().isNull() || batch.rawResponse().isMissingNode()) {
            valid = violation(context, "rawResponse", "is required (the response exactly as received)");
        }
        boolean needsSymbol = batch.dataType() != null && batch.dataType().isPerSymbol();
        if (batch.symbol() == null) {
            if (needsSymbol) {
                valid = violation(context, "symbol", "is required for " + batch.dataType().code());
            }
        } else if (!ArchiveKey.SYMBOL.matcher(batch.symbol()).matches()) {
            valid = violation(context, "symbol", "must match " + ArchiveKey.SYMBOL.pattern());
        }
        if (batch.windowStart() != null && batch.windowEnd() != null
                && batch.windowEnd().isBefore(batch.windowStart())) {
            valid = violation(context, "windowEnd", "must not be before windowStart");
        }
        if (batch.page() < 0) {
            valid = violation(context, "page", "must not be negative");
        }
        return valid;
    }

    private static boolean required(ConstraintValidatorContext context, String field, Object value) {
        return value != null || violation(context, field, "is required");
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(escape(message)).addPropertyNode(field).addConstraintViolation();
        return false;
    }

    /** Messages are templates: a literal brace or dollar must not be read as an expression. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
