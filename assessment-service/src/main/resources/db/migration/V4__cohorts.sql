-- A coach's cohorts and who joined them (with the code the coach handed out). A coach sees only
-- candidates in their own cohorts; admins see everyone.
CREATE TABLE cohort (
    id         UUID PRIMARY KEY,
    coach_id   VARCHAR(100) NOT NULL,
    name       VARCHAR(100) NOT NULL,
    join_code  VARCHAR(16)  NOT NULL UNIQUE,
    created_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX cohort_coach ON cohort (coach_id, created_at);

CREATE TABLE cohort_member (
    id           UUID PRIMARY KEY,
    cohort_id    UUID         NOT NULL REFERENCES cohort (id),
    candidate_id VARCHAR(100) NOT NULL,
    display_name VARCHAR(200),
    joined_at    TIMESTAMPTZ  NOT NULL,
    UNIQUE (cohort_id, candidate_id)
);
CREATE INDEX cohort_member_candidate ON cohort_member (candidate_id);
