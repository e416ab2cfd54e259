-- The W3C traceparent of the event's handling, so the instance that pushes it to the browser logs the
-- push in the same trace as the request that led to it.
ALTER TABLE live_event ADD COLUMN trace_parent VARCHAR(55);
