-- The deliveries table as the first release created it. IF NOT EXISTS: a database that already has it is taken as is.
CREATE TABLE IF NOT EXISTS hookline_delivery (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    source VARCHAR(64) NOT NULL,
    delivery_id VARCHAR(255) NOT NULL,
    event_type VARCHAR(255) NOT NULL,
    status VARCHAR(16) NOT NULL,
    attempts INTEGER NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error VARCHAR(4000),
    headers VARCHAR(1000000) NOT NULL,
    body BYTEA NOT NULL,
    CONSTRAINT hookline_delivery_once UNIQUE (source, delivery_id)
);
CREATE INDEX IF NOT EXISTS hookline_delivery_due ON hookline_delivery (status, next_attempt_at);
