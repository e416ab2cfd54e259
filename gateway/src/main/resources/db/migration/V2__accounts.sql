CREATE TABLE app_user (
    id            UUID PRIMARY KEY,
    email         VARCHAR(254) NOT NULL UNIQUE,  -- lower-cased
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,         -- bcrypt
    role          VARCHAR(20)  NOT NULL,
    failed_logins INT          NOT NULL DEFAULT 0,
    locked_until  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
