package dev.marketpipe.collector.budget;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every call of an annotated method (or of every method of an annotated REST-client interface) is one request to
 * the securities API and takes a token of the shared {@link RateBudget} before it is sent.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Budgeted {
}
