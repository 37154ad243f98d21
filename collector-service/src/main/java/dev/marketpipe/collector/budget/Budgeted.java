package dev.marketpipe.collector.budget;

import dev.marketpipe.wire.SourceRole;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every call of an annotated method (or of every method of an annotated REST-client interface) is one request to
 * the securities API and takes a token of the shared {@link RateBudget} of the provider it goes to before it is
 * sent. Each provider has a limit of its own, so the primary's and the backup's requests draw on different budgets.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Budgeted {

    /** Whose budget the request takes from; not binding, so that one interceptor serves every provider. */
    @Nonbinding
    SourceRole value() default SourceRole.PRIMARY;
}
