-- Local copy of the question catalog, fed by rehearse.catalog.questions.
CREATE TABLE catalog_question (
    question_id VARCHAR(100) PRIMARY KEY,
    skill_id    VARCHAR(100) NOT NULL,
    level       VARCHAR(20)  NOT NULL,
    text        TEXT         NOT NULL,
    concepts    JSONB        NOT NULL,
    red_flags   JSONB        NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE attempt (
    id              UUID PRIMARY KEY,
    candidate_id    VARCHAR(100) NOT NULL,
    question_id     VARCHAR(100) NOT NULL,
    mode            VARCHAR(10)  NOT NULL,
    answer_text     TEXT         NOT NULL,
    score           INT          NOT NULL,
    band            VARCHAR(20)  NOT NULL,
    concepts_hit    JSONB        NOT NULL,
    concepts_missed JSONB        NOT NULL,
    red_flags       JSONB        NOT NULL,
    feedback        JSONB        NOT NULL,
    fluency         JSONB,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX attempt_candidate ON attempt (candidate_id, created_at DESC);
