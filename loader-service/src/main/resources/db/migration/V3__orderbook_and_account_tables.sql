-- Spec §1.2 order books and §1.3 account data, each in its own table (issue 3 item 1).

-- One row per snapshot. The levels are JSONB arrays [{price, quantity}, ...], best first: a snapshot is written
-- and read whole, and level rows would mean 20 rows per snapshot (every 10 s per symbol) for no query we need;
-- the best bid and ask are columns so spreads can be queried without opening the JSON.
CREATE TABLE orderbook_snapshot (
    id BIGSERIAL PRIMARY KEY,
    symbol VARCHAR(20) NOT NULL,
    timestamp TIMESTAMPTZ NOT NULL,
    best_bid NUMERIC(15, 2) NOT NULL,
    best_ask NUMERIC(15, 2) NOT NULL,
    bids JSONB NOT NULL,
    asks JSONB NOT NULL,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE (symbol, timestamp)
);

CREATE INDEX idx_orderbook_timestamp ON orderbook_snapshot(timestamp DESC);

-- The account balance over time. The account number is stored masked only (e.g. 1234****-01), never in clear.
CREATE TABLE account_snapshot (
    id BIGSERIAL PRIMARY KEY,
    timestamp TIMESTAMPTZ NOT NULL UNIQUE,
    account_masked VARCHAR(32) NOT NULL,
    currency VARCHAR(3),
    cash NUMERIC(20, 2) NOT NULL,
    positions_value NUMERIC(20, 2) NOT NULL,
    total_value NUMERIC(20, 2) NOT NULL,
    position_count INTEGER,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);

-- The holdings at each collected instant.
CREATE TABLE position_snapshot (
    id BIGSERIAL PRIMARY KEY,
    timestamp TIMESTAMPTZ NOT NULL,
    symbol VARCHAR(20) NOT NULL,
    quantity BIGINT NOT NULL,
    average_price NUMERIC(15, 2) NOT NULL,
    current_price NUMERIC(15, 2) NOT NULL,
    market_value NUMERIC(20, 2) NOT NULL,
    unrealized_pnl NUMERIC(20, 2),
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE (timestamp, symbol)
);

CREATE INDEX idx_position_symbol_timestamp ON position_snapshot(symbol, timestamp DESC);

-- Every order the account placed; an order collected again (its fill progressed) updates its row.
CREATE TABLE order_history (
    id BIGSERIAL PRIMARY KEY,
    order_id VARCHAR(64) NOT NULL UNIQUE,
    ordered_at TIMESTAMPTZ NOT NULL,
    symbol VARCHAR(20) NOT NULL,
    side VARCHAR(10) NOT NULL,
    quantity BIGINT NOT NULL,
    price NUMERIC(15, 2) NOT NULL,
    filled_quantity BIGINT NOT NULL,
    filled_price NUMERIC(15, 2),
    status VARCHAR(20) NOT NULL,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX idx_order_history_ordered_at ON order_history(ordered_at DESC);
CREATE INDEX idx_order_history_symbol ON order_history(symbol, ordered_at DESC);

-- Account data has no symbol, order books and account data no interval: the ledger and quarantine take batches
-- without them, and the quarantine's dedup key treats a missing one as empty.
ALTER TABLE loaded_batch ALTER COLUMN symbol DROP NOT NULL, ALTER COLUMN interval DROP NOT NULL;
ALTER TABLE quarantine ALTER COLUMN symbol DROP NOT NULL, ALTER COLUMN interval DROP NOT NULL;
DROP INDEX idx_quarantine_record_key;
ALTER TABLE quarantine DROP COLUMN record_key;
ALTER TABLE quarantine ADD COLUMN record_key TEXT GENERATED ALWAYS AS
    (md5(data_type || '|' || coalesce(symbol, '') || '|' || coalesce(interval, '') || '|' || record::text)) STORED;
CREATE UNIQUE INDEX idx_quarantine_record_key ON quarantine(record_key);
