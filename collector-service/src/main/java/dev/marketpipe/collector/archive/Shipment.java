package dev.marketpipe.collector.archive;

/** Where a collected batch is once {@link BatchShipper#ship} returns: safe either way, but not yet archived when spooled. */
public enum Shipment {
    /** archive-service acknowledged it (architecture invariant 1: from here on it survives any crash). */
    ARCHIVED,
    /** On the collector's disk in the spool; the spool's drainer hands it to the archive when it can take it. */
    SPOOLED
}
