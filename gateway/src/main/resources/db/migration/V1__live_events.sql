-- What the gateway pushes to browsers over SSE. Every instance reads this table (not Kafka) to push,
-- so all instances see every event and a reconnecting browser replays from its Last-Event-ID.
CREATE TABLE live_event (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    candidate_id VARCHAR(100) NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    payload      TEXT         NOT NULL,  -- the event JSON as published
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX live_event_candidate ON live_event (candidate_id, id);
