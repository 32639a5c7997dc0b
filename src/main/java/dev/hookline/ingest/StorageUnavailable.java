package dev.hookline.ingest;

/** The store did not commit the delivery; the sender should retry, and will. */
public final class StorageUnavailable extends IngestException {

    public StorageUnavailable(Throwable cause) {
        super("The delivery could not be stored.", cause);
    }
}
