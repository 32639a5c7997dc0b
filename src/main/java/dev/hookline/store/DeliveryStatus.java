package dev.hookline.store;

/**
 * Where a delivery is in its life. {@code RECEIVED} is stored before the sender is answered; the others are set by
 * dispatch. {@code FAILED} will be retried; {@code DEAD} will not, until an operator replays it.
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
