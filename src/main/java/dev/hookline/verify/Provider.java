package dev.hookline.verify;

import java.util.List;
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
                Set<String> contentTypes) implements Scheme {

    static final Set<String> JSON = Set.of("application/json");
    static final Set<String> FORM = Set.of("application/x-www-form-urlencoded");

    /** A provider that signs with an HMAC; JSON bodies, no presets until {@link #events} sets them. */
    static Provider hmac(String name, HmacRecipe recipe) {
        return new Provider(name, recipe::verifier, recipe.signatureHeaders(), settings -> null, null, null, null,
                JSON);
    }

    static Provider publicKey(String name, PublicKeyRecipe recipe) {
        return new Provider(name, recipe::verifier, recipe.signatureHeaders(), settings -> null, null, null, null,
                JSON);
    }

    static Provider of(String name, Function<SchemeSettings, Verifier> verifiers, String... signatureHeaders) {
        return new Provider(name, verifiers, List.of(signatureHeaders), settings -> null, null, null, null, JSON);
    }

    /** The presets: where the event type, its action (or {@code null}) and the delivery id (or {@code null}) are. */
    Provider events(String type, String action, String id) {
        return new Provider(name, verifiers, signatureHeaderNames, handshakes, type, action, id, contentTypes);
    }

    Provider posting(Set<String> types) {
        return new Provider(name, verifiers, signatureHeaderNames, handshakes, eventType, eventAction, deliveryId,
                types);
    }

    Provider answering(Function<SchemeSettings, Handshake> handshake) {
        return new Provider(name, verifiers, signatureHeaderNames, handshake, eventType, eventAction, deliveryId,
                contentTypes);
    }

    /** Another name for the same scheme with its own presets, as Clerk and Resend are Svix. */
    Provider named(String alias) {
        return new Provider(alias, verifiers, signatureHeaderNames, handshakes, eventType, eventAction, deliveryId,
                contentTypes);
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
        return Set.copyOf(signatureHeaderNames.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
