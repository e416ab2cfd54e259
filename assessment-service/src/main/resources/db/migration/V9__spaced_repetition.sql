-- Spaced repetition (FSRS): one card per candidate and thing to recall. item_ref names it within its
-- kind: a vocabulary or quiz item id, "<question id>/<concept id>" for a weak concept, the term for a
-- pronunciation. A card never reviewed is NEW, with no stability or difficulty yet.
CREATE TABLE repetition_card (
    id           UUID PRIMARY KEY,
    candidate_id VARCHAR(100)     NOT NULL,
    kind         VARCHAR(20)      NOT NULL,
    item_ref     VARCHAR(300)     NOT NULL,
    label        VARCHAR(500)     NOT NULL,
    state        VARCHAR(20)      NOT NULL,
    stability    DOUBLE PRECISION,
    difficulty   DOUBLE PRECISION,
    due          TIMESTAMPTZ      NOT NULL,
    reps         INT              NOT NULL DEFAULT 0,
    lapses       INT              NOT NULL DEFAULT 0,
    last_review  TIMESTAMPTZ,
    created_at   TIMESTAMPTZ      NOT NULL,
    UNIQUE (candidate_id, kind, item_ref)
);
CREATE INDEX repetition_card_due ON repetition_card (candidate_id, due);

-- Quiz items with several right answers: every option picked (comma-separated) and the share of the
-- item's credit earned (1 for a fully right answer).
ALTER TABLE quiz_response ALTER COLUMN option_id TYPE VARCHAR(200);
ALTER TABLE quiz_response ADD COLUMN credit DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE quiz_response SET credit = 1 WHERE correct;
