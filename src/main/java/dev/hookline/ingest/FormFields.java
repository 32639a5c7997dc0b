package dev.hookline.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;

/** Reads one field of an {@code application/x-www-form-urlencoded} body, as Slack and Twilio post them. */
final class FormFields {

    private FormFields() {
    }

    /** The first value of the field, decoded, or {@code null} when the body has none. */
    static String read(byte[] body, String field) {
        // ISO-8859-1 maps bytes to chars one to one, so the split sees the raw percent-encoded text.
        for (String pair : new String(body, ISO_8859_1).split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                if (decode(name).equals(field)) {
                    return equals < 0 ? "" : decode(pair.substring(equals + 1));
                }
            } catch (IllegalArgumentException e) {
                throw new UnreadableDelivery("The body is not valid form encoding.");
            }
        }
        return null;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(new String(raw.getBytes(ISO_8859_1), UTF_8), UTF_8);
    }
}
