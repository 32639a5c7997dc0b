package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;

/**
 * How a sender that signs with an HMAC does it, as data: the headers the signature may be in (DocuSign sends one per
 * key), how they are written, the algorithm, the encoding, what is signed, where the timestamp is, and how the secret
 * becomes a key. Most providers differ from each other only here, so each is one recipe and one verifier serves them
 * all.
 *
 * @param headers   the headers that may carry a signature; at least one must be present
 * @param format    how a header's value is written
 * @param algorithm {@code HmacSHA256}, {@code HmacSHA1} or {@code HmacSHA512}
 * @param encoding  {@code hex} or {@code base64}
 * @param signed    the parts the MAC covers, in order
 * @param timestamp where the signed timestamp is, or {@code null} when the sender signs none
 * @param base64Key whether the configured secret is the key base64-encoded (Airtable) rather than the key's text
 * @param learns    whether the sender hands its secrets over in handshakes (Asana), to be tried besides the configured
 */
public record HmacRecipe(List<String> headers,
                         SignatureFormat format,
                         String algorithm,
                         String encoding,
                         List<SignedContent> signed,
                         TimestampAt timestamp,
                         boolean base64Key,
                         boolean learns) {

    public HmacRecipe {
        headers = List.copyOf(headers);
        signed = List.copyOf(signed);
    }

    /** The usual recipe: one header, the body alone. */
    public static HmacRecipe ofBody(String header, String prefix, String algorithm, String encoding) {
        return new HmacRecipe(List.of(header), SignatureFormat.prefixed(prefix), algorithm, encoding,
                List.of(SignedContent.BODY), null, false, false);
    }

    public HmacRecipe signing(SignedContent... parts) {
        return new HmacRecipe(headers, format, algorithm, encoding, List.of(parts), timestamp, base64Key, learns);
    }

    public HmacRecipe timestampAt(TimestampAt where) {
        return new HmacRecipe(headers, format, algorithm, encoding, signed, where, base64Key, learns);
    }

    public HmacRecipe written(SignatureFormat written) {
        return new HmacRecipe(headers, written, algorithm, encoding, signed, timestamp, base64Key, learns);
    }

    public HmacRecipe inHeaders(List<String> names) {
        return new HmacRecipe(names, format, algorithm, encoding, signed, timestamp, base64Key, learns);
    }

    public HmacRecipe withBase64Key() {
        return new HmacRecipe(headers, format, algorithm, encoding, signed, timestamp, true, learns);
    }

    /** The sender hands its secrets over in handshakes; they are tried besides the configured ones. */
    public HmacRecipe learningSecrets() {
        return new HmacRecipe(headers, format, algorithm, encoding, signed, timestamp, base64Key, true);
    }

    /** The lower-case names of the headers that carry signatures, kept from the store. */
    public List<String> signatureHeaders() {
        return headers.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    /** The verifier of one source; a recipe that signs the URL needs the source's {@code public-url}. */
    public Verifier verifier(SchemeSettings settings) {
        if (signed.contains(SignedContent.URL) && settings.option("public-url").isEmpty()) {
            throw settings.invalid("public-url", "is required: this scheme signs the URL the sender calls");
        }
        Function<String, HmacKey> derive = secret -> new HmacKey(algorithm,
                base64Key ? key(settings, secret) : secret.getBytes(UTF_8));
        Keys<HmacKey> keys = learns ? new LearnedKeyRing<>(settings, derive)
                : KeyRing.of(settings.secrets(), settings.clock(), derive);
        Freshness freshness = settings.freshness();
        return request -> {
            List<byte[]> received = new ArrayList<>(2);
            String timestamp = null;
            String first = null;
            for (String header : headers) {
                String value = request.header(header);
                if (value == null || value.isBlank()) {
                    continue;
                }
                first = first == null ? header : first;
                SignatureFormat.Parsed parsed = format.parse(header, value);
                timestamp = timestamp == null ? parsed.timestamp() : timestamp;
                for (String signature : parsed.signatures()) {
                    decode(signature, received);
                }
            }
            if (first == null) {
                throw SignatureRejected.missing(headers.get(0));
            }
            if (received.isEmpty()) {
                throw SignatureRejected.malformed(first + " holds no " + encoding + " signature");
            }
            if (this.timestamp != null) {
                String where;
                if (this.timestamp.header() != null) {
                    where = this.timestamp.header();
                    timestamp = request.requireHeader(where);
                } else if (this.timestamp.member() != null) {
                    where = "the body's " + this.timestamp.member();
                    timestamp = JsonBody.object(request.body()).map(json -> JsonBody.text(json,
                            this.timestamp.member())).orElseThrow(() -> SignatureRejected.malformed(
                            "the body has no " + this.timestamp.member()));
                } else {
                    where = first;
                }
                this.timestamp.check(freshness, where, timestamp);
            }
            byte[][] chunks = SignedContent.chunks(signed, request, timestamp);
            keys.requireMatch(key -> {
                Mac mac = key.mac();
                for (byte[] chunk : chunks) {
                    mac.update(chunk);
                }
                byte[] expected = mac.doFinal();
                for (byte[] signature : received) {
                    if (MessageDigest.isEqual(expected, signature)) {
                        return true;
                    }
                }
                return false;
            });
        };
    }

    /** Adds the decoded signature; one that does not decode cannot match, though another in the header still may. */
    private void decode(String signature, List<byte[]> into) {
        try {
            into.add(Encodings.decode(encoding, signature));
        } catch (SignatureRejected undecodable) {
            // skipped
        }
    }

    private static byte[] key(SchemeSettings settings, String secret) {
        try {
            return Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException e) {
            // The message must not quote the secret.
            throw settings.invalid("secrets", "a secret is not base64, as this scheme's keys are written");
        }
    }
}
