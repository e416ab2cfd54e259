-- When a worker last took the job. Workers serve the candidate whose last job started longest ago
-- first (round-robin across candidates), so one account's uploads cannot starve the others.
ALTER TABLE spoken_attempt ADD COLUMN started_at TIMESTAMPTZ;
CREATE INDEX spoken_attempt_candidate_started ON spoken_attempt (candidate_id, started_at);

-- A candidate's unfinished jobs, counted for the per-candidate cap on every upload.
CREATE INDEX spoken_attempt_candidate_waiting ON spoken_attempt (candidate_id)
    WHERE status IN ('QUEUED', 'TRANSCRIBING');
