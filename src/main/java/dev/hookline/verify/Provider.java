package dev.hookline.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A scheme as data: how its verifier is built, which headers carry its signatures, how it answers handshakes, and
 * what its sender expects besides: where it puts the event type, action and delivery id, what it posts, how old its
 * timestamps may be, how it wants to be answered. Providers that differ only in these details are rows of
 * {@link Providers}, not classes.
 */
record Provider(String name,
                Function<SchemeSettings, Verifier> verifiers,
                List<String> signatureHeaderNames,
                Function<SchemeSettings, Handshake> handshakes,
                Presets presets) implements Scheme {

    static final Set<String> JSON = Set.of("application/json");
    static final Set<String> FORM = Set.of("application/x-www-form-urlencoded");

    /**
     * @param tolerance the timestamp tolerance the sender documents, or {@code null} for Hookline's default
     * @param ackStatus the status the sender needs for a stored delivery, answered without a body, or 0 for
     *                  Hookline's own answer
     */
    record Presets(String eventType, String eventAction, String deliveryId, Set<String> contentTypes,
                   Duration tolerance, int ackStatus, boolean learnsSecrets) {
    }

    private static final Presets NONE = new Presets(null, null, null, JSON, null, 0, false);

    /** A provider that signs with an HMAC; JSON bodies, no presets until {@link #events} sets them. */
    static Provider hmac(String name, HmacRecipe recipe) {
        return new Provider(name, recipe::verifier, recipe.signatureHeaders(), settings -> null, NONE);
    }

    static Provider publicKey(String name, PublicKeyRecipe recipe) {
        return new Provider(name, recipe::verifier, recipe.signatureHeaders(), settings -> null, NONE);
    }

    static Provider of(String name, Function<SchemeSettings, Verifier> verifiers, String... signatureHeaders) {
        return new Provider(name, verifiers, List.of(signatureHeaders), settings -> null, NONE);
    }

    /** The presets: where the event type, its action (or {@code null}) and the delivery id (or {@code null}) are. */
    Provider events(String type, String action, String id) {
        return with(new Presets(type, action, id, presets.contentTypes(), presets.tolerance(), presets.ackStatus(),
                presets.learnsSecrets()));
    }

    Provider posting(Set<String> types) {
        return with(new Presets(presets.eventType(), presets.eventAction(), presets.deliveryId(), types,
                presets.tolerance(), presets.ackStatus(), presets.learnsSecrets()));
    }

    /** The timestamp tolerance the sender documents, when it is not Hookline's default. */
    Provider tolerating(Duration documented) {
        return with(new Presets(presets.eventType(), presets.eventAction(), presets.deliveryId(),
                presets.contentTypes(), documented, presets.ackStatus(), presets.learnsSecrets()));
    }

    /** The sender counts only this status as delivered, and wants no body with it. */
    Provider acknowledgedWith(int status) {
        return with(new Presets(presets.eventType(), presets.eventAction(), presets.deliveryId(),
                presets.contentTypes(), presets.tolerance(), status, presets.learnsSecrets()));
    }

    /** The sender hands its secrets over in handshakes, so configured ones are not required. */
    Provider learning() {
        return with(new Presets(presets.eventType(), presets.eventAction(), presets.deliveryId(),
                presets.contentTypes(), presets.tolerance(), presets.ackStatus(), true));
    }

    @Override
    public boolean usesSecrets() {
        return !presets.learnsSecrets();
    }

    Provider answering(Function<SchemeSettings, Handshake> handshake) {
        return new Provider(name, verifiers, signatureHeaderNames, handshake, presets);
    }

    /** Headers the sender signs with besides the checked one (older versions): kept from the store all the same. */
    Provider hiding(String... headers) {
        List<String> hidden = new ArrayList<>(signatureHeaderNames);
        hidden.addAll(List.of(headers));
        return new Provider(name, verifiers, List.copyOf(hidden), handshakes, presets);
    }

    /** Another name for the same scheme with its own presets, as Clerk and Resend are Svix. */
    Provider named(String alias) {
        return new Provider(alias, verifiers, signatureHeaderNames, handshakes, presets);
    }

    private Provider with(Presets changed) {
        return new Provider(name, verifiers, signatureHeaderNames, handshakes, changed);
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
    public String eventType() {
        return presets.eventType();
    }

    @Override
    public String eventAction() {
        return presets.eventAction();
    }

    @Override
    public String deliveryId() {
        return presets.deliveryId();
    }

    @Override
    public Set<String> contentTypes() {
        return presets.contentTypes();
    }

    @Override
    public Optional<Duration> defaultTolerance() {
        return Optional.ofNullable(presets.tolerance());
    }

    @Override
    public int acknowledgementStatus() {
        return presets.ackStatus();
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.copyOf(signatureHeaderNames.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }
}
