package dev.hookline.store;

/**
 * Where a delivery is in its life. {@code RECEIVED} is stored before the sender is answered; the others are set by
 * dispatch. {@code PROCESSING} means a node holds a lease on it; {@code FAILED} will be retried; {@code DEAD} will not,
 * until an operator replays it. See docs/delivery-guarantees.md.
 */
public enum DeliveryStatus {
    RECEIVED,
    PROCESSING,
    PROCESSED,
    UNHANDLED,
    FAILED,
    DEAD;

    /** Whether dispatch is finished with the delivery. */
    public boolean isFinal() {
        return this == PROCESSED || this == UNHANDLED || this == DEAD;
    }
}
