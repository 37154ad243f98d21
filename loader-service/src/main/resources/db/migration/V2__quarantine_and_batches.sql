-- Spec §7.2 quarantine table, the loader's idempotency ledger, and batch columns for data_collection_log.

-- Records held back from the market tables, each with every reason (the validator's QualityIssue list).
CREATE TABLE quarantine (
    id BIGSERIAL PRIMARY KEY,
    batch_id UUID NOT NULL,
    data_type VARCHAR(30) NOT NULL,
    symbol VARCHAR(20) NOT NULL,
    interval VARCHAR(10) NOT NULL,
    record_timestamp TIMESTAMPTZ,          -- null when the record had no usable timestamp
    record JSONB NOT NULL,                 -- the record as received, nulls kept
    reasons JSONB NOT NULL,                -- [{rule, severity, timestamp, message}]
    status VARCHAR(20) NOT NULL CHECK (status IN ('quarantined', 'review', 'approved', 'rejected')),
    archive_ref TEXT,                      -- where the raw response is archived
    created_at TIMESTAMPTZ DEFAULT NOW(),
    decided_by TEXT,
    decided_at TIMESTAMPTZ,
    -- the same bad record fetched again (a re-run backfill, a replay) is one finding, not a second row
    record_key TEXT GENERATED ALWAYS AS
        (md5(data_type || '|' || symbol || '|' || interval || '|' || record::text)) STORED
);

CREATE UNIQUE INDEX idx_quarantine_record_key ON quarantine(record_key);

CREATE INDEX idx_quarantine_status_created ON quarantine(status, created_at);
CREATE INDEX idx_quarantine_symbol_timestamp ON quarantine(symbol, record_timestamp);

-- One row per loaded batch id: redelivery of a batch (at-least-once outbox) finds it here and changes nothing.
CREATE TABLE loaded_batch (
    batch_id UUID PRIMARY KEY,
    data_type VARCHAR(30) NOT NULL,
    symbol VARCHAR(20) NOT NULL,
    interval VARCHAR(10) NOT NULL,
    source VARCHAR(20),
    archive_ref TEXT,
    records_received INTEGER NOT NULL,
    rows_changed INTEGER NOT NULL,
    rows_unchanged INTEGER NOT NULL,
    quarantined INTEGER NOT NULL,
    loaded_at TIMESTAMPTZ DEFAULT NOW()
);

ALTER TABLE data_collection_log
    ADD COLUMN batch_id UUID,
    ADD COLUMN data_type VARCHAR(30),
    ADD COLUMN source VARCHAR(20),
    ADD COLUMN records_accepted INTEGER,
    ADD COLUMN records_quarantined INTEGER,
    ADD COLUMN quality_score DOUBLE PRECISION;

-- At most one log row per batch (rows written before batch ids existed keep a null batch_id).
CREATE UNIQUE INDEX idx_log_batch_id ON data_collection_log(batch_id);
