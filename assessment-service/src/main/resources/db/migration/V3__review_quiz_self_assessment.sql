-- Item level at scoring time (calibration weighs answers by difficulty) and the coach's current
-- override; the machine score in `score` never changes, every review is kept in attempt_review.
ALTER TABLE attempt ADD COLUMN level VARCHAR(20);
ALTER TABLE attempt ADD COLUMN reviewed_score INT;
UPDATE attempt a SET level = q.level FROM catalog_question q WHERE q.question_id = a.question_id;

CREATE TABLE attempt_review (
    id             UUID PRIMARY KEY,
    attempt_id     UUID         NOT NULL REFERENCES attempt (id),
    candidate_id   VARCHAR(100) NOT NULL,
    coach_id       VARCHAR(100) NOT NULL,
    machine_score  INT          NOT NULL,
    previous_score INT          NOT NULL,
    override_score INT,
    reason         TEXT,
    comment        TEXT,
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX attempt_review_attempt ON attempt_review (attempt_id, created_at);

CREATE TABLE quiz_submission (
    id           UUID PRIMARY KEY,
    candidate_id VARCHAR(100) NOT NULL,
    correct      INT          NOT NULL,
    total        INT          NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE quiz_response (
    id            UUID PRIMARY KEY,
    submission_id UUID         NOT NULL REFERENCES quiz_submission (id),
    candidate_id  VARCHAR(100) NOT NULL,
    item_id       VARCHAR(100) NOT NULL,
    skill_id      VARCHAR(100) NOT NULL,
    level         VARCHAR(20)  NOT NULL,
    option_id     VARCHAR(20),
    correct       BOOLEAN      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX quiz_response_item ON quiz_response (item_id);
CREATE INDEX quiz_response_candidate ON quiz_response (candidate_id, skill_id);

CREATE TABLE self_assessment (
    id           UUID PRIMARY KEY,
    candidate_id VARCHAR(100) NOT NULL,
    role_id      VARCHAR(100) NOT NULL,
    ratings      JSONB        NOT NULL,
    result       JSONB        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX self_assessment_candidate ON self_assessment (candidate_id, created_at DESC);
