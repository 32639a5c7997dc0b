package dev.hookline.dispatch;

/** A dispatch or retention setting that Hookline refuses to start with; the message names the key to fix. */
public final class InvalidDispatchConfiguration extends RuntimeException {

    public InvalidDispatchConfiguration(String message) {
        super(message);
    }
}
