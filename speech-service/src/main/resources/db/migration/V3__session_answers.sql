-- The mock interview session a spoken answer belongs to (assessment owns sessions; speech only
-- carries the id through to the transcript event).
ALTER TABLE spoken_attempt ADD COLUMN session_id UUID;
