-- Secrets a sender hands over in its handshake instead of showing them to anyone (Asana's X-Hook-Secret, Notion's
-- verification token): kept so that every node verifies that sender's deliveries after a restart. One per webhook.
CREATE TABLE IF NOT EXISTS hookline_learned_secret (
    source VARCHAR(64) NOT NULL,
    secret VARCHAR(512) NOT NULL,
    learned_at TIMESTAMP NOT NULL,
    CONSTRAINT hookline_learned_secret_key PRIMARY KEY (source, secret)
);
