-- The question bank: content packs with their skills, roles, red-flag rules and items.
CREATE TABLE content_pack (
    id          VARCHAR(100) PRIMARY KEY,
    version     INT          NOT NULL,
    title       TEXT         NOT NULL,
    description TEXT         NOT NULL,
    checksum    VARCHAR(64)  NOT NULL,   -- of the parsed pack: formatting changes do not count
    imported_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE skill (
    id          VARCHAR(100) PRIMARY KEY,
    pack_id     VARCHAR(100) NOT NULL REFERENCES content_pack (id),
    title       TEXT         NOT NULL,
    description TEXT         NOT NULL
);

CREATE TABLE role (
    id      VARCHAR(100) PRIMARY KEY,
    pack_id VARCHAR(100) NOT NULL REFERENCES content_pack (id),
    title   TEXT         NOT NULL,
    focus   TEXT         NOT NULL,
    skills  JSONB        NOT NULL       -- [{skill, weight}] in the pack's order, weights sum to 100
);

CREATE TABLE red_flag_rule (
    id          VARCHAR(100) PRIMARY KEY,
    pack_id     VARCHAR(100) NOT NULL REFERENCES content_pack (id),
    title       TEXT         NOT NULL,
    explanation TEXT         NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    phrases     JSONB        NOT NULL
);

-- Items of every type; type-specific fields live in `content`. Retired items stay for history.
CREATE TABLE item (
    id           VARCHAR(100) PRIMARY KEY,
    pack_id      VARCHAR(100) NOT NULL REFERENCES content_pack (id),
    type         VARCHAR(20)  NOT NULL,
    roles        JSONB        NOT NULL,
    skill_id     VARCHAR(100) NOT NULL,
    level        VARCHAR(20)  NOT NULL,
    level_rank   INT          NOT NULL,
    tags         JSONB        NOT NULL,
    text         TEXT         NOT NULL,
    tag_text     TEXT         NOT NULL,
    detail_text  TEXT         NOT NULL,
    content      JSONB        NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    retired_at   TIMESTAMPTZ,
    -- ranked full-text search: the item's text weighs most, then its tags, then the rest
    search       TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', text), 'A')
        || setweight(to_tsvector('english', tag_text), 'B')
        || setweight(to_tsvector('english', detail_text), 'C')) STORED
);
CREATE INDEX item_search ON item USING GIN (search);
CREATE INDEX item_roles ON item USING GIN (roles jsonb_path_ops);
CREATE INDEX item_pack ON item (pack_id);

-- Spaced repetition (SM-2) per candidate and item, fed by scored attempts.
CREATE TABLE item_review (
    candidate_id  VARCHAR(100)     NOT NULL,
    item_id       VARCHAR(100)     NOT NULL,
    repetitions   INT              NOT NULL,
    ease_factor   DOUBLE PRECISION NOT NULL,
    interval_days INT              NOT NULL,
    due_at        TIMESTAMPTZ      NOT NULL,
    last_score    INT              NOT NULL,
    reviews       INT              NOT NULL,
    reviewed_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (candidate_id, item_id)
);

-- How well a candidate does per sub-skill: a moving average of scores, weakest practised first.
CREATE TABLE skill_progress (
    candidate_id VARCHAR(100)     NOT NULL,
    skill_id     VARCHAR(100)     NOT NULL,
    attempts     INT              NOT NULL,
    mastery      DOUBLE PRECISION NOT NULL,
    last_score   INT              NOT NULL,
    updated_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (candidate_id, skill_id)
);
