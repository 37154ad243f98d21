-- Daily reports kept (issue 5 item 6, spec §11 post-market "generate daily report"): one row per KST trading date
-- and bar interval, written by the after-close job or POST /v1/reports/daily/{date}/generations. Regenerating
-- replaces the row (upsert on the key), so two loader replicas generating the same day end in one row.
CREATE TABLE daily_report (
    trading_date DATE        NOT NULL,
    bar_interval VARCHAR(3)  NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL,
    report       JSONB       NOT NULL,
    html         TEXT        NOT NULL,
    PRIMARY KEY (trading_date, bar_interval)
);

