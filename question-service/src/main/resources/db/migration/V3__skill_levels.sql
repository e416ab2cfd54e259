-- What each proficiency level means for a skill: [{level, description}] from Beginner to Expert,
-- empty when the pack gives none (the next import of a pack that has them fills them in).
ALTER TABLE skill ADD COLUMN levels JSONB NOT NULL DEFAULT '[]';
