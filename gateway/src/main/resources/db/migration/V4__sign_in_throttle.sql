-- Failed sign-ins are throttled in memory (accounts.SignInThrottle) instead of locking the account,
-- which let anyone lock anyone out: the lockout state goes.
ALTER TABLE app_user DROP COLUMN failed_logins, DROP COLUMN locked_until;

-- Where each account signed in successfully lately: the right password from one of these addresses
-- still works while the account is throttled because someone elsewhere is guessing.
CREATE TABLE usual_address (
    account_id   UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    address      VARCHAR(64) NOT NULL,  -- limits.ClientAddress's key: an IPv4 address or an IPv6 /64
    last_sign_in TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, address)
);
CREATE INDEX usual_address_last_sign_in ON usual_address (last_sign_in);
