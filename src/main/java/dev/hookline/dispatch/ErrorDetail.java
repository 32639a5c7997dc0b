package dev.hookline.dispatch;

import java.util.Locale;

/**
 * What a failed delivery keeps of the exception that failed it ({@value #KEY}), shown by the admin API and the console.
 * An observer's exception message may carry a customer's data or a connection string, so by default only the class
 * of the innermost cause is kept; {@code message} adds that cause's message, cut to {@value #MAX_MESSAGE} characters.
 * The whole exception is logged at {@code FINE} ({@code dev.hookline.dispatch}) either way.
 */
public enum ErrorDetail {

    /** The innermost cause's class name only. */
    CLASS,
    /** The class name and the message, bounded. */
    MESSAGE;

    static final String KEY = "hookline.dispatch.error-detail";
    static final int MAX_MESSAGE = 500;

    static ErrorDetail of(String configured) {
        if (configured == null || configured.isBlank()) {
            return CLASS;
        }
        try {
            return valueOf(configured.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidDispatchConfiguration(KEY + ": '" + configured + "' is neither class nor message");
        }
    }

    /** The text to keep for this error. */
    public String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String name = root.getClass().getName();
        if (this == CLASS || root.getMessage() == null) {
            return name;
        }
        String message = root.getMessage();
        return name + ": " + (message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…");
    }
}
