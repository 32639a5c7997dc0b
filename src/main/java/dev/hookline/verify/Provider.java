package dev.hookline.verify;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A scheme as data: how its verifier is built, which headers carry its signatures, how it answers handshakes, and
 * where its sender puts the event type, action and delivery id. Providers that differ only in these details are rows
 * of {@link Providers}, not classes.
 */
record Provider(String name,
                Function<SchemeSettings, Verifier> verifiers,
                List<String> signatureHeaderNames,
                Function<SchemeSettings, Handshake> handshakes,
                String eventType,
                String eventAction,
                String deliveryId,
                Set<String> contentTypes,
                Duration tolerance) implements Scheme {

    static final Set<String> JSON = Set.of("application/json");
    static final Set<String> FORM = Set.of("application/x-www-form-urlencoded");

    /** A provider that signs with an HMAC; JSON bodies, no presets until {@link #events} sets them. */
    static Provider hmac(String name, HmacRecipe recipe) {
        return new Provider(name, recipe::verifier, recipe.signatureHeaders(), settings -> null, null, null, null,
                JSON, null);
    }

    static Provider publicKey(String name, PublicKeyRecipe recipe) {
        return new Provider(name, recipe::verifier, recipe.signatureHeaders(), settings -> null, null, null, null,
                JSON, null);
    }

    static Provider of(String name, Function<SchemeSettings, Verifier> verifiers, String... signatureHeaders) {
        return new Provider(name, verifiers, List.of(signatureHeaders), settings -> null, null, null, null, JSON, null);
    }

    /** The presets: where the event type, its action (or {@code null}) and the delivery id (or {@code null}) are. */
    Provider events(String type, String action, String id) {
        return new Provider(name, verifiers, signatureHeaderNames, handshakes, type, action, id, contentTypes,
                tolerance);
    }

    Provider posting(Set<String> types) {
        return new Provider(name, verifiers, signatureHeaderNames, handshakes, eventType, eventAction, deliveryId,
                types, tolerance);
    }

    Provider answering(Function<SchemeSettings, Handshake> handshake) {
        return new Provider(name, verifiers, signatureHeaderNames, handshake, eventType, eventAction, deliveryId,
                contentTypes, tolerance);
    }

    /** Another name for the same scheme with its own presets, as Clerk and Resend are Svix. */
    Provider named(String alias) {
        return new Provider(alias, verifiers, signatureHeaderNames, handshakes, eventType, eventAction, deliveryId,
                contentTypes, tolerance);
    }

    /** The timestamp tolerance the sender documents, when it is not Hookline's default. */
    Provider tolerating(Duration documented) {
        return new Provider(name, verifiers, signatureHeaderNames, handshakes, eventType, eventAction, deliveryId,
                contentTypes, documented);
    }

    @Override
    public Optional<Duration> defaultTolerance() {
        return Optional.ofNullable(tolerance);
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        return verifiers.apply(settings);
    }

    @Override
    public Handshake handshake(SchemeSettings settings) {
        return handshakes.apply(settings);
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.copyOf(signatureHeaderNames.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }
}
