-- Coaches' own questions live in the catalog copy beside pack questions, so the scorer treats them
-- alike; they carry their author and the cohorts that may see them, and no roles, so role-based
-- choices never pick them. Pack rows leave both columns null.
ALTER TABLE catalog_question ADD COLUMN owner_id VARCHAR(100);
ALTER TABLE catalog_question ADD COLUMN cohort_ids JSONB;
CREATE INDEX catalog_question_owner ON catalog_question (owner_id) WHERE owner_id IS NOT NULL;

-- Work a coach sets a cohort: a session template (kind SESSION) or named questions (PRACTICE_SET).
CREATE TABLE assignment (
    id               UUID PRIMARY KEY,
    cohort_id        UUID         NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    coach_id         VARCHAR(100) NOT NULL,
    title            VARCHAR(200) NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    role_id          VARCHAR(100) NOT NULL,
    skills           JSONB        NOT NULL,
    level            VARCHAR(20),
    question_count   INT,
    question_ids     JSONB        NOT NULL,
    thinking_seconds INT,
    answer_seconds   INT,
    due_at           TIMESTAMPTZ  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX assignment_cohort ON assignment (cohort_id, due_at);
CREATE INDEX assignment_coach ON assignment (coach_id);

-- A session assignment a candidate finished (from SessionCompleted); practice sets are computed
-- from the attempts instead, so they need no rows here.
CREATE TABLE assignment_completion (
    assignment_id UUID         NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    candidate_id  VARCHAR(100) NOT NULL,
    session_id    UUID         NOT NULL,
    score         INT,
    completed_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (assignment_id, candidate_id)
);
CREATE INDEX assignment_completion_candidate ON assignment_completion (candidate_id);
