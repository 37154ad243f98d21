package dev.marketpipe.archive.api;

import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.wire.BatchEnvelopeCheck;
import dev.marketpipe.wire.CollectedBatch;
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
        boolean valid = true;
        for (BatchEnvelopeCheck.Problem problem : BatchEnvelopeCheck.of(batch)) {
            valid = envelopeViolation(context, batch, problem) && valid;
        }
        valid &= required(context, "source", batch.source());
        valid &= required(context, "windowStart", batch.windowStart());
        valid &= required(context, "fetchedAt", batch.fetchedAt());
        if (batch.rawResponse() == null || batch.rawResponse().isNull() || batch.rawResponse().isMissingNode()) {
            valid = violation(context, "rawResponse", "is required (the response exactly as received)");
        }
        if (batch.symbol() != null && !ArchiveKey.SYMBOL.matcher(batch.symbol()).matches()) {
            valid = violation(context, "symbol", "must match " + ArchiveKey.SYMBOL.pattern());
        }
        if (batch.page() < 0) {
            valid = violation(context, "page", "must not be negative");
        }
        return valid;
    }

    /**
     * The shared envelope check's problem on its field. Without a data type only that is named (what else the kind
     * needs is unknown), and a symbol that is present but blank is named by the symbol pattern instead.
     */
    private static boolean envelopeViolation(ConstraintValidatorContext context, CollectedBatch batch,
            BatchEnvelopeCheck.Problem problem) {
        return switch (problem.field()) {
            case "symbol" -> batch.dataType() == null || batch.symbol() != null
                    || violation(context, "symbol", "is required for " + batch.dataType().code());
            case "interval" -> batch.dataType() == null || required(context, "interval", null);
            case "windowEnd" -> violation(context, "windowEnd", "must not be before windowStart");
            default -> required(context, problem.field(), null);
        };
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
