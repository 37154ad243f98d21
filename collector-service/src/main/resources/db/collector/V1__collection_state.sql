-- The collector's own state (architecture: each service keeps its state in its own schema).
-- Per (symbol, interval): the newest bar start the collector has handed to the archive, so a restarted collector
-- knows where incremental collection stands. Gap-fill does not trust it: it asks the loader what is stored.
CREATE TABLE collection_state (
    symbol VARCHAR(20) NOT NULL,
    interval VARCHAR(10) NOT NULL,
    last_bar_start TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (symbol, interval)
);
