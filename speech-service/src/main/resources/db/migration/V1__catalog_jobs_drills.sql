-- speech's own copy of the catalog, fed by rehearse.catalog.questions: only what speech needs.
CREATE TABLE catalog_item (
    question_id   VARCHAR(100) PRIMARY KEY,
    type          VARCHAR(30),
    text          TEXT         NOT NULL,
    term_key      VARCHAR(100),          -- lower-case term of a PRONUNCIATION item, for drill look-up
    pronunciation JSONB,                 -- the published spoken forms, stress, common mistake
    drill         JSONB,                 -- the grammar built from them after the vocabulary check
    updated_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX catalog_item_term ON catalog_item (term_key);

-- A spoken answer: a transcription job until TRANSCRIBED or FAILED, then its result.
CREATE TABLE spoken_attempt (
    id               UUID PRIMARY KEY,
    candidate_id     VARCHAR(100) NOT NULL,
    question_id      VARCHAR(100) NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    percent          INT          NOT NULL,
    duration_seconds DOUBLE PRECISION NOT NULL,
    source_rate      INT          NOT NULL,
    source_channels  INT          NOT NULL,
    transcript       TEXT,
    words            JSONB,
    fluency          JSONB,
    error            TEXT,
    tries            INT          NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL  -- the worker's heartbeat while TRANSCRIBING
);
CREATE INDEX spoken_attempt_queue ON spoken_attempt (created_at) WHERE status IN ('QUEUED', 'TRANSCRIBING');

-- The normalised upload (16 kHz mono 16-bit little-endian PCM), kept apart so reading an attempt
-- never drags megabytes along; deleted once transcribed unless rehearse.speech.retain-audio.
CREATE TABLE spoken_audio (
    attempt_id UUID PRIMARY KEY REFERENCES spoken_attempt (id) ON DELETE CASCADE,
    pcm        BYTEA NOT NULL
);

-- Scored pronunciation drills (no audio), the source of the pronunciation events.
CREATE TABLE pronunciation_attempt (
    id           UUID PRIMARY KEY,
    candidate_id VARCHAR(100) NOT NULL,
    question_id  VARCHAR(100) NOT NULL,
    term         VARCHAR(100) NOT NULL,
    heard        TEXT         NOT NULL,
    verdict      VARCHAR(10)  NOT NULL,
    score        INT          NOT NULL,
    words        JSONB        NOT NULL,
    advice       TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX pronunciation_attempt_candidate ON pronunciation_attempt (candidate_id, created_at DESC);
