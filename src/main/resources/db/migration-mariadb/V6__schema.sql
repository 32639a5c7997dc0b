-- Hookline's schema on MariaDB 10.6 and later, as it stands at version 6 of the other databases' migrations; later
-- versions follow in both folders. Ids, statuses and digests are ASCII in a binary collation (UUIDv7 ids then sort by
-- receipt, as the purges expect); sources, ids and types compare byte for byte, as on PostgreSQL. Times are UTC
-- DATETIME(6): the driver must write them in UTC (connectionTimeZone=UTC&preserveInstants=true, checked at start).
CREATE TABLE IF NOT EXISTS hookline_delivery (
    id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    source VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    delivery_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    event_type VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    attempts INTEGER NOT NULL,
    received_at DATETIME(6) NOT NULL,
    next_attempt_at DATETIME(6),
    last_attempt_at DATETIME(6),
    last_error VARCHAR(4000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    headers MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    body LONGBLOB NOT NULL,
    claimed_by VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    lease_until DATETIME(6),
    ordering_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    attempts_before_replay INTEGER DEFAULT 0 NOT NULL,
    payload_purged_at DATETIME(6),
    body_sha256 VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin,
    line_position BIGINT,
    CONSTRAINT hookline_delivery_once UNIQUE (source, delivery_id)
) ENGINE = InnoDB;
CREATE INDEX IF NOT EXISTS hookline_delivery_due ON hookline_delivery (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS hookline_delivery_place ON hookline_delivery (source, ordering_key, line_position);

CREATE TABLE IF NOT EXISTS hookline_line (
    source VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ordering_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    last_position BIGINT NOT NULL,
    CONSTRAINT hookline_line_key PRIMARY KEY (source, ordering_key)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS hookline_learned_secret (
    source VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    secret VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    learned_at DATETIME(6) NOT NULL,
    CONSTRAINT hookline_learned_secret_key PRIMARY KEY (source, secret)
) ENGINE = InnoDB;
