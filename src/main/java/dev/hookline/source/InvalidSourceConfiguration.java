package dev.hookline.source;

/** A configuration that Hookline refuses to start with; the message names the key to fix. */
public final class InvalidSourceConfiguration extends RuntimeException {

    public InvalidSourceConfiguration(String message) {
        super(message);
    }
}
