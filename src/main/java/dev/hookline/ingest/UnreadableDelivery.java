package dev.hookline.ingest;

/** A signed body from which the event type or delivery id must be read, but cannot be. */
public final class UnreadableDelivery extends IngestException {

    public UnreadableDelivery(String message) {
        super(message, null);
    }
}
