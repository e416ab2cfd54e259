-- Per-concept reviews: each review row keeps the coach's mark for every concept (with what the
-- machine found beside it), the red flags the coach cleared, and its round (1: a review that sets
-- the attempt's score, 2: a blind second review, which only measures agreement). A deleted coach's
-- reviews of others keep their marks and lose the reviewer id.
ALTER TABLE attempt_review ADD COLUMN marks JSONB;
ALTER TABLE attempt_review ADD COLUMN cleared_flags JSONB;
ALTER TABLE attempt_review ADD COLUMN round INT NOT NULL DEFAULT 1;
ALTER TABLE attempt_review ALTER COLUMN coach_id DROP NOT NULL;
-- erasing an attempt erases its reviews, whichever feature's erasure runs first
ALTER TABLE attempt_review DROP CONSTRAINT attempt_review_attempt_id_fkey;
ALTER TABLE attempt_review ADD CONSTRAINT attempt_review_attempt_id_fkey
    FOREIGN KEY (attempt_id) REFERENCES attempt (id) ON DELETE CASCADE;
CREATE INDEX attempt_review_candidate ON attempt_review (candidate_id);
CREATE INDEX attempt_review_coach ON attempt_review (coach_id);

-- A request for a blind second review of an attempt's first review. reviewer_id names the second
-- reviewer, or is NULL for any other coach of the candidate; second_review_id is set on submission.
CREATE TABLE second_review (
    id               UUID PRIMARY KEY,
    attempt_id       UUID         NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
    candidate_id     VARCHAR(100) NOT NULL,
    first_review_id  UUID         NOT NULL REFERENCES attempt_review (id) ON DELETE CASCADE,
    requested_by     VARCHAR(100),
    reviewer_id      VARCHAR(100),
    second_review_id UUID REFERENCES attempt_review (id) ON DELETE CASCADE,
    requested_at     TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ
);
-- one open request per attempt
CREATE UNIQUE INDEX second_review_open ON second_review (attempt_id) WHERE second_review_id IS NULL;
CREATE INDEX second_review_candidate ON second_review (candidate_id);
