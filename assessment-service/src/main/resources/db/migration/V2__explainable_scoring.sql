-- Skill of the question at scoring time (progress survives a retired question), raw concept
-- coverage before penalties, and the delivery report of spoken answers.
ALTER TABLE attempt ADD COLUMN skill_id VARCHAR(100);
ALTER TABLE attempt ADD COLUMN coverage INT;
ALTER TABLE attempt ADD COLUMN delivery JSONB;
UPDATE attempt a SET skill_id = q.skill_id FROM catalog_question q WHERE q.question_id = a.question_id;
CREATE INDEX attempt_candidate_skill ON attempt (candidate_id, skill_id, created_at);

-- What self-assessment and quizzes need from the catalog: item type, roles and their skill
-- weights, and quiz options with their explanations.
ALTER TABLE catalog_question ADD COLUMN type VARCHAR(20);
ALTER TABLE catalog_question ADD COLUMN role_ids JSONB NOT NULL DEFAULT '[]';
ALTER TABLE catalog_question ADD COLUMN role_weights JSONB NOT NULL DEFAULT '[]';
ALTER TABLE catalog_question ADD COLUMN options JSONB NOT NULL DEFAULT '[]';
