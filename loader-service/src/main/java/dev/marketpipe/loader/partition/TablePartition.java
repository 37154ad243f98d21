package dev.marketpipe.loader.partition;

/** One partition of a partitioned table: its name and the idempotent DDL that creates it. */
public interface TablePartition {

    String name();

    /** {@code CREATE TABLE IF NOT EXISTS … PARTITION OF …}: a partition another replica made is left alone. */
    String createSql();
}
