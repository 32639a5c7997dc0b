-- Past hookline.retention.processed a finished delivery's headers and body are dropped and its row kept, so that a
-- sender's replay of it is still refused as a duplicate until hookline.retention.seen-ids: when and the body's hash.
ALTER TABLE hookline_delivery ADD COLUMN IF NOT EXISTS payload_purged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE hookline_delivery ADD COLUMN IF NOT EXISTS body_sha256 VARCHAR(64);
