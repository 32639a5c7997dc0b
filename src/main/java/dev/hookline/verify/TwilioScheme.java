package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;

/**
 * Twilio: {@code X-Twilio-Signature: <base64 HMAC-SHA1(auth token, url + params)>}. Twilio signs the public URL it
 * called, so the source must be configured with {@code public-url}; the caller appends the request's query and hands
 * it over as {@link SignedRequest#url()}. A form post appends every parameter, sorted by name then value, as
 * {@code name + value}. A JSON post is signed over the URL alone, whose {@code bodySHA256} parameter carries the hex
 * SHA-256 of the body, which must match too. As in Twilio's own validators, the URL is also tried with the default
 * port added or removed, since Twilio's signers differ on it.
 *
 * <p>There is no event-type preset: Twilio's callbacks carry no common type field or header.
 */
final class TwilioScheme implements Scheme {

    static final String HEADER = "X-Twilio-Signature";
    static final String PUBLIC_URL = "public-url";
    private static final String BODY_HASH = "bodySHA256";

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        settings.option(PUBLIC_URL).ifPresent(url -> checkPublicUrl(settings, url));
        KeyRing<HmacKey> keys = HmacKey.ring(settings, "HmacSHA1");
        return request -> {
            byte[] received = Encodings.base64(request.requireHeader(HEADER));
            String url = request.url();
            if (url == null) {
                throw SignatureRejected.malformed("the source has no " + PUBLIC_URL + ", so the signed URL is unknown");
            }
            String bodyHash = queryParameter(url, BODY_HASH);
            byte[] parameters;
            if (bodyHash != null) {
                if (!MessageDigest.isEqual(Encodings.hex(bodyHash), Digests.sha256(request.body()))) {
                    throw SignatureRejected.mismatch();
                }
                parameters = new byte[0];
            } else {
                parameters = formParameters(request.body());
            }
            List<byte[]> urls = urlVariants(url);
            keys.requireMatch(key -> {
                for (byte[] candidate : urls) {
                    Mac mac = key.mac();
                    mac.update(candidate);
                    if (MessageDigest.isEqual(mac.doFinal(parameters), received)) {
                        return true;
                    }
                }
                return false;
            });
        };
    }

    /** The request's query is appended to the public URL, so the configured one must have none of its own. */
    private static void checkPublicUrl(SchemeSettings settings, String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            throw settings.invalid(PUBLIC_URL, "must be an absolute http or https URL");
        }
        if (url.indexOf('?') >= 0 || url.indexOf('#') >= 0) {
            throw settings.invalid(PUBLIC_URL, "must have no query or fragment; the request's query is appended");
        }
    }

    /** The raw value of a query parameter, or {@code null}. */
    static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        int fragment = url.indexOf('#', query);
        int end = fragment < 0 ? url.length() : fragment;
        int start = query + 1;
        while (start < end) {
            int next = url.indexOf('&', start);
            next = next < 0 || next > end ? end : next;
            int equals = start + name.length();
            if (equals < next && url.charAt(equals) == '=' && url.startsWith(name, start)) {
                return url.substring(equals + 1, next);
            }
            start = next + 1;
        }
        return null;
    }

    /** The URL as given, and with the scheme's default port added when it has none or removed when it has it. */
    static List<byte[]> urlVariants(String url) {
        List<byte[]> variants = new ArrayList<>(2);
        variants.add(url.getBytes(UTF_8));
        int hostStart = url.indexOf("://");
        if (hostStart < 0) {
            return variants;
        }
        String defaultPort = switch (url.substring(0, hostStart).toLowerCase(Locale.ROOT)) {
            case "https" -> "443";
            case "http" -> "80";
            default -> null;
        };
        if (defaultPort == null) {
            return variants;
        }
        hostStart += 3;
        int authorityEnd = authorityEnd(url, hostStart);
        int portColon = url.lastIndexOf(':', authorityEnd - 1);
        boolean hasPort = portColon >= hostStart
                && url.lastIndexOf(']', authorityEnd - 1) < portColon
                && url.lastIndexOf('@', authorityEnd - 1) < portColon;
        if (!hasPort) {
            String withPort = url.substring(0, authorityEnd) + ':' + defaultPort + url.substring(authorityEnd);
            variants.add(withPort.getBytes(UTF_8));
        } else if (url.regionMatches(portColon + 1, defaultPort, 0, defaultPort.length())
                && portColon + 1 + defaultPort.length() == authorityEnd) {
            variants.add((url.substring(0, portColon) + url.substring(authorityEnd)).getBytes(UTF_8));
        }
        return variants;
    }

    private static int authorityEnd(String url, int hostStart) {
        for (int i = hostStart; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }

    /** The form's parameters as Twilio signs them: sorted by name then value, each as {@code name + value}. */
    static byte[] formParameters(byte[] body) throws SignatureRejected {
        if (body.length == 0) {
            return body;
        }
        String form = utf8(body);
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        int start = 0;
        while (start < form.length()) {
            int end = form.indexOf('&', start);
            end = end < 0 ? form.length() : end;
            if (end > start) {
                int equals = form.indexOf('=', start);
                boolean hasValue = equals >= 0 && equals < end;
                parameters.add(Map.entry(
                        urlDecode(form.substring(start, hasValue ? equals : end)),
                        hasValue ? urlDecode(form.substring(equals + 1, end)) : ""));
            }
            start = end + 1;
        }
        parameters.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringBuilder signed = new StringBuilder(form.length());
        for (Map.Entry<String, String> parameter : parameters) {
            signed.append(parameter.getKey()).append(parameter.getValue());
        }
        return signed.toString().getBytes(UTF_8);
    }

    private static String utf8(byte[] body) throws SignatureRejected {
        try {
            return UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw SignatureRejected.malformed("the form body is not UTF-8");
        }
    }

    private static String urlDecode(String value) throws SignatureRejected {
        try {
            return URLDecoder.decode(value, UTF_8);
        } catch (IllegalArgumentException e) {
            throw SignatureRejected.malformed("the form body is not URL-encoded");
        }
    }

    @Override
    public String eventType() {
        return null;
    }

    @Override
    public String deliveryId() {
        return "header:I-Twilio-Idempotency-Token";
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/x-www-form-urlencoded", "application/json");
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.of("x-twilio-signature");
    }
}
