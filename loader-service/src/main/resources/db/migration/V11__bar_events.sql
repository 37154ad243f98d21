-- What the push stream (GET /v1/stream/bars) sends: one row per committed change of a symbol's bars, written in the
-- transaction that changes them (a loaded batch, a minute built from ticks), followed by NOTIFY bar_event, which
-- PostgreSQL delivers only once that transaction has committed. A subscriber therefore never sees a bar that is not
-- durable, and its Last-Event-ID (the row's id) says where to resume. Rows older than the stream's replay window
-- are purged by the loader.
CREATE TABLE bar_event (
    id BIGSERIAL PRIMARY KEY,
    symbol VARCHAR(20) NOT NULL,
    bar_interval VARCHAR(4) NOT NULL,
    first_timestamp TIMESTAMPTZ NOT NULL,
    last_timestamp TIMESTAMPTZ NOT NULL,
    -- 'ticks': a bar built from the real-time ticks (what the freshness histograms measure); 'rest': a loaded batch
    source VARCHAR(8) NOT NULL,
    -- clock_timestamp(), not now(): the row is written at the end of its transaction, so this is close to the commit
    -- (the freshness histogram "bar end → committed" reads it)
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX idx_bar_event_created ON bar_event (created_at);
