package dev.marketpipe.loader.report;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Locale;

/**
 * One monitoring KPI of a day: the measured value next to its target and alert threshold, and the verdict, so the
 * report says by itself whether the day needs a person's attention.
 *
 * @param alertThreshold below it (percent KPIs) or above it (counts) the status is {@code alert}
 */
@RegisterForReflection
public record Kpi(double value, double target, double alertThreshold, Status status) {

    /** {@code ok}: target met; {@code warning}: missed but within the alert threshold; {@code alert}: beyond it. */
    public enum Status {
        OK, WARNING, ALERT;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status that needs the most attention: one KPI in alert makes the day an alert. */
        public static Status worst(Status... statuses) {
            Status worst = OK;
            for (Status status : statuses) {
                worst = status.compareTo(worst) > 0 ? status : worst;
            }
            return worst;
        }
    }

    /** A KPI where higher is better (a percentage). */
    static Kpi atLeast(double value, double target, double alertBelow) {
        Status status = value >= target ? Status.OK : value < alertBelow ? Status.ALERT : Status.WARNING;
        return new Kpi(value, target, alertBelow, status);
    }

    /** A KPI where lower is better (a count). */
    static Kpi atMost(double value, double target, double alertAbove) {
        Status status = value <= target ? Status.OK : value > alertAbove ? Status.ALERT : Status.WARNING;
        return new Kpi(value, target, alertAbove, status);
    }
}
