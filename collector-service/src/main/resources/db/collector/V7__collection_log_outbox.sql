-- Failed-attempt reports for the loader's data_collection_log, kept until the loader acknowledged them: a report
-- written here survives a restart of the collector and an outage of the loader. attempt_id is the report's identity
-- in the loader too, so a report sent twice (a crash between the loader's answer and the delete) is one row there.
CREATE TABLE collection_log_outbox (
    attempt_id UUID PRIMARY KEY,
    report JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX idx_collection_log_outbox_created ON collection_log_outbox(created_at);
