-- The shared securities-API rate budget (spec §1 "Rate Limits"): one row per provider, used by every job of every
-- collector replica. grants holds the instants (microseconds since the epoch, database clock) of the grants of the
-- last second; *_demand_until mark unmet High/Medium demand, during which lower priorities are refused.
CREATE TABLE rate_budget (
    provider VARCHAR(40) PRIMARY KEY,
    grants BIGINT[] NOT NULL DEFAULT '{}',
    high_demand_until BIGINT NOT NULL DEFAULT 0,
    medium_demand_until BIGINT NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
