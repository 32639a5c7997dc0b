-- A replay keeps the count of attempts (operators see the history) and starts a new series of retries from here.
ALTER TABLE hookline_delivery ADD COLUMN IF NOT EXISTS attempts_before_replay INTEGER DEFAULT 0 NOT NULL;
