package dev.hookline.verify;

import java.util.Base64;
import java.util.HexFormat;

/** Decoding of received signatures; anything that does not decode is a malformed signature, never an exception. */
public final class Encodings {

    private static final HexFormat HEX = HexFormat.of();

    private Encodings() {
    }

    public static byte[] hex(String value) throws SignatureRejected {
        if (value.isEmpty() || (value.length() & 1) != 0) {
            throw SignatureRejected.malformed("not hexadecimal");
        }
        try {
            return HEX.parseHex(value);
        } catch (IllegalArgumentException e) {
            throw SignatureRejected.malformed("not hexadecimal");
        }
    }

    public static byte[] base64(String value) throws SignatureRejected {
        if (value.isEmpty()) {
            throw SignatureRejected.malformed("not base64");
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw SignatureRejected.malformed("not base64");
        }
    }

    /** Decodes in the named encoding, {@code hex} or {@code base64}. */
    public static byte[] decode(String encoding, String value) throws SignatureRejected {
        return "base64".equals(encoding) ? base64(value) : hex(value);
    }
}
