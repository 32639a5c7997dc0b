package dev.hookline.verify;

/**
 * A request whose signature does not hold. The message names what was wrong with the request, never what was
 * expected, so it is safe to log and to answer with.
 */
public final class SignatureRejected extends Exception {

    /** Why the request was refused; the HTTP layer answers 401 for every reason alike. */
    public enum Reason { MISSING, MALFORMED, MISMATCH, STALE }

    private final Reason reason;

    private SignatureRejected(Reason reason, String message) {
        // No stack trace: rejections are expected, and a flood of forged requests must stay cheap.
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static SignatureRejected missing(String header) {
        return new SignatureRejected(Reason.MISSING, "The " + header + " header is missing or empty.");
    }

    public static SignatureRejected malformed(String what) {
        return new SignatureRejected(Reason.MALFORMED, "The signature is malformed: " + what + ".");
    }

    public static SignatureRejected mismatch() {
        return new SignatureRejected(Reason.MISMATCH, "The signature does not match the body.");
    }

    public static SignatureRejected stale() {
        return new SignatureRejected(Reason.STALE, "The signature timestamp is outside the accepted tolerance.");
    }
}
