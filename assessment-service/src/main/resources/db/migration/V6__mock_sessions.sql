-- Mock interview sessions: a candidate's run through N questions of a role, each with thinking and
-- answer time. A question's started_at moves forward by the length of each pause, so its deadlines
-- (started_at + thinking, + answer) survive a reload and a paused session keeps its remaining time.
CREATE TABLE mock_session (
    id               UUID PRIMARY KEY,
    candidate_id     VARCHAR(100) NOT NULL,
    role_id          VARCHAR(100) NOT NULL,
    status           VARCHAR(20)  NOT NULL,  -- OPEN, PAUSED, COMPLETED
    thinking_seconds INT          NOT NULL,
    answer_seconds   INT          NOT NULL,
    assignment_id    UUID,
    paused_at        TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ
);
CREATE INDEX mock_session_candidate ON mock_session (candidate_id, created_at DESC);

CREATE TABLE mock_session_question (
    id          UUID PRIMARY KEY,
    session_id  UUID         NOT NULL REFERENCES mock_session (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    question_id VARCHAR(100) NOT NULL,
    type        VARCHAR(20),
    skill_id    VARCHAR(100) NOT NULL,
    text        TEXT         NOT NULL,
    status      VARCHAR(20)  NOT NULL,  -- PENDING, ANSWERED, SKIPPED
    started_at  TIMESTAMPTZ,
    attempt_id  UUID,
    UNIQUE (session_id, question_id)
);
CREATE INDEX mock_session_question_session ON mock_session_question (session_id, position);
