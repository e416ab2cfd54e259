-- Refresh tokens: random, single use, stored only as SHA-256 hashes. A sign-in starts a family
-- (session_id, which access tokens carry as sid); each refresh uses one token and adds the next.
-- A used token presented again was copied: the whole family is revoked.
CREATE TABLE refresh_tokens (
    id          UUID PRIMARY KEY,
    session_id  UUID        NOT NULL,
    account_id  UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash  CHAR(64)    NOT NULL UNIQUE,  -- hex SHA-256 of the token
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);
CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id);
CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at);
-- role changes reach every instance as AccessRevoked events now, not by polling this column
ALTER TABLE app_user DROP COLUMN tokens_valid_after;
