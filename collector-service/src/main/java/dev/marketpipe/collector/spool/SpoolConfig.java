package dev.marketpipe.collector.spool;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** The collector's durable spool of batches the archive could not take yet ({@code marketpipe.collector.spool}). */
@ConfigMapping(prefix = "marketpipe.collector.spool")
public interface SpoolConfig {

    /** The spool folder; put it on a persistent volume, or a restart loses what it holds. */
    String dir();

    /** Wait between drain passes while the archive takes batches; also the first wait after a failed pass. */
    Duration drainInterval();

    /** The longest wait between drain passes while the archive keeps failing (the wait doubles per failed pass). */
    Duration drainMaxDelay();

    /** Below this much usable space on the spool's disk nothing more is spooled (disk full). */
    long minFreeMib();
}
