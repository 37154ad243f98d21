-- Spec §7.1 outcomes in data_collection_log: the collector reports every collection attempt that did not end in a
-- loaded batch (POST /v1/collection-log). V2 already added data_type and source; these say which §7.1 row failed,
-- at which provider, after how many calls.
ALTER TABLE data_collection_log
    ADD COLUMN error_type VARCHAR(40),
    ADD COLUMN provider VARCHAR(40),
    ADD COLUMN attempts INTEGER;

CREATE INDEX idx_log_error_type ON data_collection_log(error_type, timestamp DESC) WHERE error_type IS NOT NULL;
