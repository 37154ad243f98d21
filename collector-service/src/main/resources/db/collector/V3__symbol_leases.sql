-- Collector replicas (architecture "Scaling"): the instances that are alive, and which one collects each symbol.
-- A row is held while expires_at lies in the future; its owner renews it periodically, and any instance may take
-- a lease whose expiry has passed, so a dead instance's symbols move to the survivors within one lease period.
CREATE TABLE collector_instance (
    instance_id VARCHAR(200) PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE symbol_lease (
    symbol VARCHAR(20) PRIMARY KEY,
    owner VARCHAR(200),                                   -- null: free
    expires_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity',
    acquired_at TIMESTAMPTZ
);

CREATE INDEX idx_symbol_lease_owner ON symbol_lease(owner);
