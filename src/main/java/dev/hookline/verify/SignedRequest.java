package dev.hookline.verify;

import java.util.List;
import java.util.Objects;

/**
 * What a scheme sees of one request: the body exactly as it arrived, the headers by case-insensitive name, the
 * method, and the public URL the sender called (Twilio, Square and HubSpot sign it).
 */
public final class SignedRequest {

    /** Header look-up by case-insensitive name. */
    @FunctionalInterface
    public interface Headers {
        /** Every value of the header, in arrival order; empty when absent. */
        List<String> all(String name);
    }

    private final Headers headers;
    private final byte[] body;
    private final String url;
    private final String method;

    public SignedRequest(Headers headers, byte[] body, String url) {
        this(headers, body, url, "POST");
    }

    public SignedRequest(Headers headers, byte[] body, String url, String method) {
        this.headers = Objects.requireNonNull(headers);
        this.body = Objects.requireNonNull(body);
        this.url = url;
        this.method = Objects.requireNonNull(method);
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    public Headers headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    /** The public URL with its query, as the sender saw it; {@code null} when not known. */
    public String url() {
        return url;
    }

    /**
     * The one value of a header, or {@code null} when it is absent. A header sent twice is ambiguous, so it is
     * refused rather than guessed at.
     */
    public String header(String name) throws SignatureRejected {
        List<String> values = headers.all(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw SignatureRejected.malformed(name + " was sent more than once");
        }
        return values.get(0);
    }

    /** The one value of a header; a missing or empty one is refused. */
    public String requireHeader(String name) throws SignatureRejected {
        String value = header(name);
        if (value == null || value.isBlank()) {
            throw SignatureRejected.missing(name);
        }
        return value;
    }
}
