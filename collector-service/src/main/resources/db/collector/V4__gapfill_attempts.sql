-- Gap-fill: how often each missing bar start was requested from a provider that answered. A bar the validator
-- quarantines stays missing from the market table however often it is fetched; after
-- marketpipe.collector.gapfill.max-attempts answered requests the gap-fill stops asking for it.
CREATE TABLE gapfill_attempt (
    symbol VARCHAR(20) NOT NULL,
    interval VARCHAR(10) NOT NULL,
    bar_start TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL,
    last_attempt_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (symbol, interval, bar_start)
);

CREATE INDEX idx_gapfill_attempt_last ON gapfill_attempt(last_attempt_at);
