-- Spec §6 "Database Schema", as written. market_data_5min has the shape of market_data_1min (spec §1.1 "5m"
-- interval, §2 "5-Minute OHLCV") with index names of its own, because index names are unique per schema.

CREATE TABLE market_data_1min (
    id BIGSERIAL PRIMARY KEY,
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
    UNIQUE(symbol, timestamp)
);

CREATE INDEX idx_symbol_timestamp ON market_data_1min(symbol, timestamp DESC);
CREATE INDEX idx_timestamp ON market_data_1min(timestamp DESC);

CREATE TABLE market_data_5min (
    id BIGSERIAL PRIMARY KEY,
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
    UNIQUE(symbol, timestamp)
);

CREATE INDEX idx_5min_symbol_timestamp ON market_data_5min(symbol, timestamp DESC);
CREATE INDEX idx_5min_timestamp ON market_data_5min(timestamp DESC);

CREATE TABLE market_data_daily (
    id BIGSERIAL PRIMARY KEY,
    date DATE NOT NULL,
    symbol VARCHAR(20) NOT NULL,
    open NUMERIC(15, 2) NOT NULL,
    high NUMERIC(15, 2) NOT NULL,
    low NUMERIC(15, 2) NOT NULL,
    close NUMERIC(15, 2) NOT NULL,
    volume BIGINT NOT NULL,
    value NUMERIC(20, 2),
    adj_close NUMERIC(15, 2),  -- Adjusted close (for dividends/splits)
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE(symbol, date)
);

CREATE INDEX idx_symbol_date ON market_data_daily(symbol, date DESC);

CREATE TABLE data_collection_log (
    id BIGSERIAL PRIMARY KEY,
    timestamp TIMESTAMPTZ DEFAULT NOW(),
    symbol VARCHAR(20),
    interval VARCHAR(10),
    status VARCHAR(20),  -- 'success', 'error', 'warning'
    records_collected INTEGER,
    error_message TEXT,
    execution_time_ms INTEGER
);

CREATE INDEX idx_log_timestamp ON data_collection_log(timestamp DESC);
CREATE INDEX idx_log_status ON data_collection_log(status);
