-- The access token of a provider whose tokens are scarce (KIS: one issuance a minute, and every issuance notifies
-- the account holder): shared by every collector replica and kept across restarts. The token is stored encrypted
-- with a key derived from the provider's app secret, so reading this table alone gives no usable token.
CREATE TABLE provider_token (
    provider      TEXT PRIMARY KEY,
    token_cipher  TEXT,
    expires_at    TIMESTAMPTZ,
    -- the last token request sent to the provider, failed ones included (the once-a-minute rule)
    requested_at  TIMESTAMPTZ
);
