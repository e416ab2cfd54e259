-- The W3C traceparent of the upload that queued the job: the worker that transcribes it (another
-- thread, perhaps another instance) continues that trace, so its logs carry the upload's trace id.
ALTER TABLE spoken_attempt ADD COLUMN trace_parent VARCHAR(55);
