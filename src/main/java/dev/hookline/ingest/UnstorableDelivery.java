package dev.hookline.ingest;

/**
 * The database refused the delivery's own content (a data exception), while it stored others: retrying the same
 * request would be refused again, so it is answered as bad input rather than as an outage.
 */
public final class UnstorableDelivery extends IngestException {

    public UnstorableDelivery(Throwable cause) {
        super("The database refused the delivery's content.", cause);
    }
}
