-- Sentence embeddings of each question's scoring texts (rubric phrases, model-answer clauses, the
-- question, red-flag descriptions), computed when the catalog copy changes and never per request.
-- vectors packs one float32 vector per entry of texts, in order.
CREATE TABLE question_vectors (
  question_id VARCHAR(100) PRIMARY KEY,
  updated_at TIMESTAMPTZ NOT NULL,
  model VARCHAR(100) NOT NULL,
  texts JSONB NOT NULL,
  vectors BYTEA NOT NULL
);

-- The model answer, for scoring by meaning, rubric-free items and the result a candidate sees.
ALTER TABLE catalog_question ADD COLUMN model_answer TEXT;
