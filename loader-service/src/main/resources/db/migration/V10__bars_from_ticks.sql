-- 1-minute bars built from the real-time ticks (dev.marketpipe.loader.tickbars): a bar says who wrote its values,
-- source 'rest' (a bar collected from the provider's REST API, every bar before this migration) or 'ticks' (built
-- from market_ticks when its minute ended). The REST bar collected later reconciles a tick-built one: it replaces
-- it (the default), and where the two differ in open, high, low, close or volume the difference is kept in
-- bar_source_difference for the daily report. With the loader's marketpipe.loader.tick-bars.prefer=ticks (the
-- session setting marketpipe.bar_preference), the tick-built values stay and the difference is still kept.
-- The column is on all three market tables so that one upsert statement serves every interval; only the 1-minute
-- table ever holds 'ticks'. A NOT NULL column with a constant default is a catalog change, no table rewrite.
ALTER TABLE market_data_1min ADD COLUMN source VARCHAR(8) NOT NULL DEFAULT 'rest';
ALTER TABLE market_data_5min ADD COLUMN source VARCHAR(8) NOT NULL DEFAULT 'rest';
ALTER TABLE market_data_daily ADD COLUMN source VARCHAR(8) NOT NULL DEFAULT 'rest';

-- Minutes with new ticks whose bar is to be (re)built once the minute has ended plus a grace: written in the
-- transaction that stores the ticks, so a minute is never forgotten, and consumed by the builder's transaction.
CREATE TABLE tick_minute_pending (
    symbol VARCHAR(20) NOT NULL,
    minute TIMESTAMPTZ NOT NULL,
    CONSTRAINT tick_minute_pending_pkey PRIMARY KEY (symbol, minute)
);

CREATE TABLE bar_source_difference (
    symbol VARCHAR(20) NOT NULL,
    "timestamp" TIMESTAMPTZ NOT NULL,
    tick_open NUMERIC(15, 2), tick_high NUMERIC(15, 2), tick_low NUMERIC(15, 2), tick_close NUMERIC(15, 2),
    tick_volume BIGINT,
    rest_open NUMERIC(15, 2), rest_high NUMERIC(15, 2), rest_low NUMERIC(15, 2), rest_close NUMERIC(15, 2),
    rest_volume BIGINT,
    kept VARCHAR(8) NOT NULL,
    found_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT bar_source_difference_pkey PRIMARY KEY (symbol, "timestamp")
);

CREATE FUNCTION reconcile_tick_bar() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    prefer_ticks BOOLEAN := coalesce(current_setting('marketpipe.bar_preference', true), 'rest') = 'ticks';
BEGIN
    IF OLD.source = 'ticks' AND NEW.source = 'rest' THEN
        IF (OLD.open, OLD.high, OLD.low, OLD.close, OLD.volume)
                IS DISTINCT FROM (NEW.open, NEW.high, NEW.low, NEW.close, NEW.volume) THEN
            INSERT INTO bar_source_difference AS d (symbol, "timestamp", tick_open, tick_high, tick_low, tick_close,
                    tick_volume, rest_open, rest_high, rest_low, rest_close, rest_volume, kept)
            VALUES (NEW.symbol, NEW."timestamp", OLD.open, OLD.high, OLD.low, OLD.close, OLD.volume, NEW.open,
                    NEW.high, NEW.low, NEW.close, NEW.volume, CASE WHEN prefer_ticks THEN 'ticks' ELSE 'rest' END)
            ON CONFLICT (symbol, "timestamp") DO UPDATE SET tick_open = EXCLUDED.tick_open,
                tick_high = EXCLUDED.tick_high, tick_low = EXCLUDED.tick_low, tick_close = EXCLUDED.tick_close,
                tick_volume = EXCLUDED.tick_volume, rest_open = EXCLUDED.rest_open, rest_high = EXCLUDED.rest_high,
                rest_low = EXCLUDED.rest_low, rest_close = EXCLUDED.rest_close, rest_volume = EXCLUDED.rest_volume,
                kept = EXCLUDED.kept, found_at = now();
        END IF;
        IF prefer_ticks THEN
            RETURN NULL; -- the tick-built values stay
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER market_data_1min_reconcile_tick_bar BEFORE UPDATE ON market_data_1min
    FOR EACH ROW WHEN (OLD.source = 'ticks') EXECUTE FUNCTION reconcile_tick_bar();
