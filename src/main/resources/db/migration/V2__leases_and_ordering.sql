-- Leases: the node that claimed a delivery and until when; past it, another node may take the delivery over.
ALTER TABLE hookline_delivery ADD COLUMN IF NOT EXISTS claimed_by VARCHAR(64);
ALTER TABLE hookline_delivery ADD COLUMN IF NOT EXISTS lease_until TIMESTAMP WITH TIME ZONE;
-- Ordered sources: deliveries of the same key are processed one at a time, in receipt (id) order.
ALTER TABLE hookline_delivery ADD COLUMN IF NOT EXISTS ordering_key VARCHAR(255);
CREATE INDEX IF NOT EXISTS hookline_delivery_line ON hookline_delivery (source, ordering_key, id);
