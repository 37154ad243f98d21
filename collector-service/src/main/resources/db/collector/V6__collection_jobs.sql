-- Durable collection jobs (backfills, gap-fills): a job and the request windows it was split into, each window done,
-- failed or pending. A window is a request to make ('fetch'), or, for a gap-fill, one symbol to plan ('plan': ask
-- what is stored and add the fetch windows for what is missing, with the counts behind them). Any collector replica
-- runs pending windows of the symbols it holds (or of symbols nobody holds: not in the configured universe),
-- claiming each for a while; a claim that runs out (its replica died) is taken over, so a job survives restarts and
-- crashes and goes on where it stopped.
CREATE TABLE collection_job (
    id           UUID PRIMARY KEY,
    kind         TEXT NOT NULL,
    request      TEXT NOT NULL,
    state        TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    last_error   TEXT
);
CREATE INDEX collection_job_kind_created ON collection_job (kind, created_at DESC);

CREATE TABLE job_window (
    job_id        UUID NOT NULL REFERENCES collection_job (id) ON DELETE CASCADE,
    seq           INT NOT NULL,
    step          TEXT NOT NULL DEFAULT 'fetch',
    symbol        TEXT NOT NULL,
    bar_interval  TEXT NOT NULL,
    start_param   TEXT NOT NULL,
    end_param     TEXT NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    window_end    TIMESTAMPTZ NOT NULL,
    state         TEXT NOT NULL DEFAULT 'pending',
    pages         INT NOT NULL DEFAULT 0,
    records       INT NOT NULL DEFAULT 0,
    bars_expected INT NOT NULL DEFAULT 0,
    bars_stored   INT NOT NULL DEFAULT 0,
    bars_missing  INT NOT NULL DEFAULT 0,
    bars_skipped  INT NOT NULL DEFAULT 0,
    claimed_by    TEXT,
    claimed_until TIMESTAMPTZ,
    claims        INT NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX job_window_pending ON job_window (job_id) WHERE state = 'pending';
