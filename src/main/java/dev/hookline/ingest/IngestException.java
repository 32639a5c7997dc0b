package dev.hookline.ingest;

/** A delivery that could not be taken in; each case is a subclass, translated to HTTP at the boundary. */
public abstract class IngestException extends RuntimeException {

    protected IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
