-- A run a schedule started keeps the fire time Quartz gave it, so the delay from fire to start is visible.
ALTER TABLE runs ADD COLUMN scheduled_at TIMESTAMP(6) WITH TIME ZONE;

-- The dispatcher's question in the order it asks it: QUEUED runs, highest priority first, then oldest,
-- then lowest id; the index answers it without sorting.
DROP INDEX runs_state_priority;
CREATE INDEX runs_queue ON runs (state, priority DESC, queued_at, id);
