package dev.hookline.verify;

import java.util.Map;

/**
 * The answer to a handshake: what a sender asks of an endpoint before it sends events to it. Never stored. A refusal
 * carries a status of 400 or more and a detail that is safe to show; an answer carries the sender's own content type.
 *
 * @param noSniff whether the answer must be sent with {@code X-Content-Type-Options: nosniff}, as it echoes a value
 *                the caller chose
 * @param headers headers the sender expects in the answer (Asana's {@code X-Hook-Secret})
 */
public record Challenge(int status, String contentType, String body, boolean noSniff, Map<String, String> headers) {

    public Challenge(int status, String contentType, String body, boolean noSniff) {
        this(status, contentType, body, noSniff, Map.of());
    }

    /** Longest value echoed back; every provider's challenge is far shorter. */
    public static final int MAX_ECHO = 512;

    public static final String TEXT = "text/plain; charset=UTF-8";
    public static final String JSON = "application/json";

    /** The caller's value sent back as plain text, never as markup. */
    public static Challenge echo(String value) {
        return new Challenge(200, TEXT, value, true);
    }

    public static Challenge json(String body) {
        return new Challenge(200, JSON, body, false);
    }

    public static Challenge empty() {
        return new Challenge(200, null, null, false);
    }

    /** An empty 200 with a header the sender checks. */
    public static Challenge withHeader(String name, String value) {
        return new Challenge(200, null, null, false, Map.of(name, value));
    }

    public static Challenge refused(int status, String detail) {
        return new Challenge(status, null, detail, false);
    }

    public boolean refusal() {
        return status >= 400;
    }

    /** Checks a value to be echoed: present, not too long, and printable. */
    public static String echoable(String name, String value) throws ChallengeRefused {
        if (value == null || value.isEmpty()) {
            throw new ChallengeRefused(400, "The " + name + " is missing.");
        }
        if (value.length() > MAX_ECHO) {
            throw new ChallengeRefused(400, "The " + name + " is longer than " + MAX_ECHO + " characters.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new ChallengeRefused(400, "The " + name + " contains a control character.");
            }
        }
        return value;
    }

    /** A handshake that cannot be answered, with the status to refuse it with. */
    public static final class ChallengeRefused extends Exception {

        private final int status;

        public ChallengeRefused(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }

        public Challenge answer() {
            return refused(status, getMessage());
        }
    }
}
