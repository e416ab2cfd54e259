-- Accounts this service erased, by the SHA-256 of their id (never the id itself), so events about
-- them that arrive after the deletion are dropped. Applied out of order on existing databases.
CREATE TABLE erased_account (
    account_hash CHAR(64)    PRIMARY KEY,
    erased_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
