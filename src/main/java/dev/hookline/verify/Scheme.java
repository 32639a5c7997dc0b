package dev.hookline.verify;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One way senders sign webhooks. A scheme builds a {@link Verifier} for a source and says, as presets, where that
 * sender puts the event type and the delivery id.
 */
public interface Scheme {

    /** The name used in {@code hookline.source.<name>.scheme}. */
    String name();

    /** Whether the source's {@code secrets} are required; a sender that signs with certificates has none. */
    default boolean usesSecrets() {
        return true;
    }

    /** The timestamp tolerance the sender documents, used when the source sets none. */
    default Optional<Duration> defaultTolerance() {
        return Optional.empty();
    }

    /**
     * The status the sender needs for a stored delivery, answered without a body, when the source configures no
     * {@code ack}; 0 for Hookline's own answer.
     */
    default int acknowledgementStatus() {
        return 0;
    }

    /** Builds the verifier for one source; a bad scheme option fails with the option's full key. */
    Verifier verifier(SchemeSettings settings);

    /** Preset selector of the event type, as {@code header:<Name>} or {@code json:<pointer>}. */
    String eventType();

    /**
     * Preset selector of the event's action, or {@code null}: when set and present, the type is
     * {@code <type>.<action>} ({@code issues.opened}), and observers of {@code <type>} still receive it.
     */
    default String eventAction() {
        return null;
    }

    /** Preset selector of the delivery id, or {@code null} for a SHA-256 of the body. */
    String deliveryId();

    /** Media types ({@code type/subtype}, lower case) this sender posts. */
    Set<String> contentTypes();

    /** How this scheme answers its sender's handshakes for one source, or {@code null} when it has none. */
    default Handshake handshake(SchemeSettings settings) {
        return null;
    }

    /** Headers (lower case) that carry signatures; they are kept from observers and from the store. */
    Set<String> signatureHeaders(SchemeSettings settings);
}
