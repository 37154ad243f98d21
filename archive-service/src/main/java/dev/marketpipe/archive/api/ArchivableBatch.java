package dev.marketpipe.archive.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code CollectedBatch} the archive can take: everything the envelope and its file name are made of
 * is present, and the symbol is safe in a file name. The wire record itself carries no constraints (it is shared
 * by all services), so the archive states its own here.
 */
@Documented
@Constraint(validatedBy = ArchivableBatchValidator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ArchivableBatch {

    String message() default "is not an archivable batch";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
