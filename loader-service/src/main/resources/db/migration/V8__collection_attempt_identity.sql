-- A collection attempt the collector reports carries an id: the collector keeps a report until the loader
-- acknowledged it, so after a crash between the answer and the collector's bookkeeping the same report arrives
-- again, and it must stay one row.
ALTER TABLE data_collection_log ADD COLUMN attempt_id UUID;

CREATE UNIQUE INDEX idx_log_attempt_id ON data_collection_log(attempt_id);
