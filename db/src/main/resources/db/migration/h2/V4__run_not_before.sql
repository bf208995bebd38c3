-- A queued run may wait before it is taken: a retry waits out its task's backoff. The dispatcher only
-- takes QUEUED runs whose not_before has passed; a first attempt may start at once (not_before = queued_at).
ALTER TABLE runs ADD COLUMN not_before TIMESTAMP(6) WITH TIME ZONE;
UPDATE runs SET not_before = queued_at;
ALTER TABLE runs ALTER COLUMN not_before SET NOT NULL;
