-- Ordered sources: each ordering key's line, and the last place in it that was given. A delivery takes its place in
-- the transaction that stores it, under this row's lock, so places follow the order of commits across every node.
CREATE TABLE IF NOT EXISTS hookline_line (
    source VARCHAR(64) NOT NULL,
    ordering_key VARCHAR(255) NOT NULL,
    last_position BIGINT NOT NULL,
    CONSTRAINT hookline_line_key PRIMARY KEY (source, ordering_key)
);
ALTER TABLE hookline_delivery ADD COLUMN IF NOT EXISTS line_position BIGINT;
-- An ordered delivery waits for those of its key at earlier places: the line is read by place, no longer by id.
DROP INDEX IF EXISTS hookline_delivery_line;
CREATE INDEX IF NOT EXISTS hookline_delivery_place ON hookline_delivery (source, ordering_key, line_position);
