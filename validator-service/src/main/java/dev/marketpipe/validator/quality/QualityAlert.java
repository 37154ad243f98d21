package dev.marketpipe.validator.quality;

import org.jboss.logging.Logger;

/**
 * The data-quality alert on the sliding window's quality score (KPI: alert below 98%): one WARN line when the score
 * falls below the threshold, one INFO line when it is back, nothing in between, so a bad hour is one log line
 * rather than one per batch. {@link #below()} is the state an alert rule reads from the gauge. A window with fewer
 * than {@code minRecords} records never counts as below: one bad record of the first three after a start is no
 * reason to page anyone.
 */
final class QualityAlert {

    private static final Logger LOG = Logger.getLogger(QualityAlert.class);

    /** What an evaluation changed. */
    enum Transition { NONE, CROSSED_BELOW, RECOVERED }

    private final double alertBelow;
    private final long minRecords;
    private boolean below;

    QualityAlert(double alertBelow, long minRecords) {
        if (!(alertBelow >= 0 && alertBelow <= 1)) {
            throw new IllegalArgumentException("marketpipe.validator.quality.alert-below must be within 0..1");
        }
        if (minRecords < 0) {
            throw new IllegalArgumentException("marketpipe.validator.quality.alert-min-records must not be negative");
        }
        this.alertBelow = alertBelow;
        this.minRecords = minRecords;
    }

    Transition evaluate(double score, long records) {
        boolean nowBelow = records >= minRecords && score < alertBelow;
        if (nowBelow == below) {
            return Transition.NONE;
        }
        below = nowBelow;
        if (nowBelow) {
            LOG.warnf("quality alert: %.2f%% of the window's %d records accepted without a flag, below the "
                    + "%.2f%% threshold", score * 100, records, alertBelow * 100);
            return Transition.CROSSED_BELOW;
        }
        LOG.infof("quality recovered: %.2f%% of the window's %d records accepted without a flag (threshold %.2f%%)",
                score * 100, records, alertBelow * 100);
        return Transition.RECOVERED;
    }

    boolean below() {
        return below;
    }
}
