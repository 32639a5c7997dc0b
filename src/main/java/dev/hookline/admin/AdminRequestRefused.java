package dev.hookline.admin;

import java.time.Instant;

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

    /** The delivery is waiting for or in an attempt already, or its payload is gone. */
    public static final class NotReplayable extends AdminRequestRefused {
        private NotReplayable(String message) {
            super(message);
        }

        public static NotReplayable inDispatch(String id, String status) {
            return new NotReplayable("Delivery " + id + " is " + status + ": dispatch has it already.");
        }

        public static NotReplayable payloadPurged(String id, Instant purgedAt) {
            return new NotReplayable("Delivery " + id + " has no payload to replay: its headers and body were"
                    + " purged at " + purgedAt + " (hookline.retention.processed); only the record that it was"
                    + " received is kept.");
        }
    }
}
