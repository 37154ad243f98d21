package dev.marketpipe.console.stage;

import java.util.List;

/** One instance of a stage as the Now page shows it: readiness, liveness, headline figures from its metrics. */
public record InstanceView(String url, HealthAnswer readiness, HealthAnswer liveness, List<String> headlines) {

    /** Up when both its readiness and its liveness are. */
    public boolean up() {
        return readiness.up() && liveness.up();
    }

    /** {@code up}, {@code down} (answers, but a check fails) or {@code unreachable}. */
    public String state() {
        if (up()) {
            return "up";
        }
        return "UNREACHABLE".equals(liveness.status()) ? "unreachable" : "down";
    }
}
