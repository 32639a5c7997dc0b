package dev.hookline.admin;

/** An admin request Hookline will not carry out; each case is a subclass, answered by {@link AdminProblems}. */
public abstract class AdminRequestRefused extends RuntimeException {

    protected AdminRequestRefused(String message) {
        super(message, null, false, false);
    }

    /** A query parameter that does not hold a value Hookline takes. */
    public static final class InvalidParameter extends AdminRequestRefused {
        public InvalidParameter(String message) {
            super(message);
        }
    }

    /** No delivery has that id. */
    public static final class NoSuchDelivery extends AdminRequestRefused {
        public NoSuchDelivery(String id) {
            super("No delivery has the id " + id + ".");
        }
    }

    /** The delivery is waiting for or in an attempt already. */
    public static final class NotReplayable extends AdminRequestRefused {
        public NotReplayable(String id, String status) {
            super("Delivery " + id + " is " + status + ": dispatch has it already.");
        }
    }
}
