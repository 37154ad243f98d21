-- Trades from the real-time feed (KIS H0STCNT0), one row per trade, partitioned by KST trading date: a day is
-- the unit of retention (marketpipe.loader.partitions.tick-retention drops whole partitions, no DELETE) and of every query
-- (one symbol's trades of a day or a minute). A trade has no id of its own; the day's cumulative volume is one,
-- because each trade adds a positive quantity to it, so (symbol, trading_date, cumulative_volume) is the natural
-- key and a frame received twice stores one row. The partition key is part of it, as PostgreSQL requires.
-- Partitions are created ahead by the loader (partition/PartitionMaintenance) and on demand before a write.
CREATE TABLE market_ticks (
    symbol VARCHAR(20) NOT NULL,
    trading_date DATE NOT NULL,
    cumulative_volume BIGINT NOT NULL,
    "timestamp" TIMESTAMPTZ NOT NULL,
    price NUMERIC(15, 2) NOT NULL,
    quantity BIGINT NOT NULL,
    cumulative_value NUMERIC(20, 2),
    previous_close NUMERIC(15, 2),
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),
    CONSTRAINT market_ticks_pkey PRIMARY KEY (symbol, trading_date, cumulative_volume)
) PARTITION BY RANGE (trading_date);

CREATE INDEX idx_market_ticks_symbol_timestamp ON market_ticks (symbol, "timestamp");
