package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;

/**
 * What a sender signs, as the parts it concatenates: the body alone for most, or the body between a timestamp, an id,
 * the method or the URL, as Slack, Twitch, HubSpot and Square build their signed strings. Data, not code: a new
 * provider that signs another concatenation needs only another list of parts.
 */
public sealed interface SignedContent {

    /** The raw body, exactly as it arrived. */
    record Body() implements SignedContent {
    }

    /** Fixed text, such as Slack's {@code v0:}. */
    record Text(String text) implements SignedContent {
    }

    /** The value of a request header, such as Twitch's message id. */
    record HeaderValue(String name) implements SignedContent {
    }

    /** The signed timestamp as it was sent, from wherever the recipe reads it. */
    record Timestamp() implements SignedContent {
    }

    /** The HTTP method, such as {@code POST}. */
    record Method() implements SignedContent {
    }

    /** The public URL the sender called, with its query; the source's {@code public-url} must be configured. */
    record Url() implements SignedContent {
    }

    SignedContent BODY = new Body();
    SignedContent TIMESTAMP = new Timestamp();
    SignedContent METHOD = new Method();
    SignedContent URL = new Url();

    static SignedContent text(String text) {
        return new Text(text);
    }

    static SignedContent header(String name) {
        return new HeaderValue(name);
    }

    /** The bytes of every part in order, read once per request and fed to each key's MAC. */
    static byte[][] chunks(List<SignedContent> parts, SignedRequest request, String timestamp)
            throws SignatureRejected {
        byte[][] chunks = new byte[parts.size()][];
        for (int i = 0; i < chunks.length; i++) {
            SignedContent part = parts.get(i);
            if (part instanceof Body) {
                chunks[i] = request.body();
            } else if (part instanceof Text text) {
                chunks[i] = text.text().getBytes(UTF_8);
            } else if (part instanceof HeaderValue header) {
                chunks[i] = request.requireHeader(header.name()).getBytes(UTF_8);
            } else if (part instanceof Timestamp) {
                chunks[i] = timestamp.getBytes(UTF_8);
            } else if (part instanceof Method) {
                chunks[i] = request.method().getBytes(UTF_8);
            } else {
                if (request.url() == null) {
                    throw SignatureRejected.malformed("the source has no public-url to check the signed URL against");
                }
                chunks[i] = request.url().getBytes(UTF_8);
            }
        }
        return chunks;
    }
}
