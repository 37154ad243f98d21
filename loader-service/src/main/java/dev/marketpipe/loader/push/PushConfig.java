package dev.marketpipe.loader.push;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The push stream of committed bars ({@code marketpipe.loader.push.*}). */
@ConfigMapping(prefix = "marketpipe.loader.push")
public interface PushConfig {

    /**
     * How long a gap in the event ids is waited for: ids are taken when a transaction writes its event, so a later
     * id can commit before an earlier one; the stream holds back behind the earlier id until it commits, or until
     * this long has passed (its transaction rolled back and the id will never exist).
     */
    @WithDefault("5s")
    Duration gapWait();

    /** How often the stream looks for new events when no notification arrives (a lost connection, a missed one). */
    @WithDefault("1s")
    Duration pollEvery();

    /** How long events are kept for subscribers resuming with {@code Last-Event-ID}. */
    @WithDefault("1D")
    Duration replayWindow();

    /** Only bars that ended at most this long ago count in the freshness histograms (not a backfill's old bars). */
    @WithDefault("10m")
    Duration freshnessWindow();
}
