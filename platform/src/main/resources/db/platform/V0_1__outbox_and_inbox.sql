-- Shared mechanism tables; each service gets its own copy in its own schema.
CREATE TABLE outbox_message (
    seq         BIGSERIAL PRIMARY KEY,
    topic       VARCHAR(200) NOT NULL,
    message_key VARCHAR(200) NOT NULL,
    payload     TEXT,                      -- NULL is a tombstone
    created_at  TIMESTAMPTZ  NOT NULL,
    sent_at     TIMESTAMPTZ
);
CREATE INDEX outbox_message_unsent ON outbox_message (seq) WHERE sent_at IS NULL;

CREATE TABLE processed_event (
    event_id     UUID         NOT NULL,
    consumer     VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);
