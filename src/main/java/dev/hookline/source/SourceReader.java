package dev.hookline.source;

import dev.hookline.verify.LearnedSecrets;
import dev.hookline.verify.Scheme;
import dev.hookline.verify.SchemeSettings;
import dev.hookline.verify.Schemes;
import dev.hookline.verify.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Reads one source from the {@code hookline.source.<name>.*} keys and checks every one of them, so that a mistake
 * stops the deployment with the key to fix instead of surfacing as 401s in production.
 */
final class SourceReader {

    static final int DEFAULT_MAX_BODY = 1_048_576;
    private static final int LARGEST_MAX_BODY = 64 * 1_048_576;
    private static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final String NOT_AFTER = ";not-after=";
    /** Credentials a sender may put in headers besides its signature; never stored nor shown. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");

    private final Config config;
    private final Clock clock;
    private final LearnedSecrets learned;

    SourceReader(Config config, Clock clock, LearnedSecrets learned) {
        this.config = config;
        this.clock = clock;
        this.learned = learned;
    }

    Source read(String name) {
        if (!SourceNames.isName(name, 0)) {
            throw new InvalidSourceConfiguration("hookline.sources: '" + name
                    + "' is not a source name (lower-case letters, digits, '-' and '_', at most 64)");
        }
        String prefix = "hookline.source." + name + ".";
        String schemeName = optional(prefix + "scheme").orElseThrow(() -> new InvalidSourceConfiguration(
                prefix + "scheme is required; one of " + Schemes.names()));
        Scheme scheme = Schemes.named(schemeName).orElseThrow(() -> new InvalidSourceConfiguration(
                prefix + "scheme: '" + schemeName + "' is not one of " + Schemes.names()));
        SchemeSettings settings = new SchemeSettings(name, secrets(prefix + "secrets", scheme.usesSecrets()),
                tolerance(prefix + "tolerance", scheme.defaultTolerance().orElse(DEFAULT_TOLERANCE)), clock, option -> optional(prefix + option),
                learned);
        try {
            Set<String> hidden = new HashSet<>(CREDENTIAL_HEADERS);
            hidden.addAll(scheme.signatureHeaders(settings));
            return new Source(name,
                    scheme.verifier(settings),
                    selector(prefix + "event-type", scheme.eventType()),
                    selector(prefix + "event-action", scheme.eventAction()),
                    selector(prefix + "delivery-id", scheme.deliveryId()),
                    maxBody(prefix + "max-body"),
                    scheme.contentTypes(),
                    Set.copyOf(hidden),
                    optional(prefix + "public-url").orElse(null),
                    retry(prefix + "retry."),
                    ordering(prefix),
                    acknowledgement(prefix + "ack.", scheme.acknowledgementStatus()),
                    scheme.handshake(settings));
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceConfiguration(e.getMessage());
        }
    }

    private List<Secret> secrets(String key, boolean required) {
        String[] values = config.getOptionalValue(key, String[].class).orElse(new String[0]);
        List<Secret> secrets = Arrays.stream(values).map(String::trim).filter(v -> !v.isEmpty())
                .map(value -> secret(key, value)).toList();
        if (secrets.isEmpty() && required) {
            throw new InvalidSourceConfiguration(key + " is required: at least one secret");
        }
        return secrets;
    }

    private static Secret secret(String key, String entry) {
        int at = entry.lastIndexOf(NOT_AFTER);
        if (at < 0) {
            return Secret.of(entry);
        }
        try {
            return new Secret(entry.substring(0, at), Instant.parse(entry.substring(at + NOT_AFTER.length())));
        } catch (DateTimeParseException e) {
            // The message must not quote the entry: it holds the secret.
            throw new InvalidSourceConfiguration(key + ": a not-after is not an ISO-8601 instant");
        }
    }

    private Duration tolerance(String key, Duration fallback) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            Duration tolerance = Duration.parse(text.get());
            if (tolerance.isNegative()) {
                throw new InvalidSourceConfiguration(key + ": '" + text.get() + "' is negative");
            }
            return tolerance;
        } catch (DateTimeParseException e) {
            throw new InvalidSourceConfiguration(key + ": '" + text.get() + "' is not an ISO-8601 duration such as PT5M");
        }
    }

    private Selector selector(String key, String preset) {
        Optional<String> text = optional(key).or(() -> Optional.ofNullable(preset))
                .filter(value -> !Selector.NONE.equals(value));
        try {
            return text.map(Selector::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceConfiguration(key + ": " + e.getMessage());
        }
    }

    private int maxBody(String key) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return DEFAULT_MAX_BODY;
        }
        try {
            int value = Integer.parseInt(text.get().trim());
            if (value > 0 && value <= LARGEST_MAX_BODY) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidSourceConfiguration(key + ": '" + text.get() + "' is not a size in bytes from 1 to "
                + LARGEST_MAX_BODY);
    }

    private RetryPolicy retry(String prefix) {
        RetryPolicy defaults = RetryPolicy.DEFAULT;
        int maxAttempts = positiveInt(prefix + "max-attempts", defaults.maxAttempts());
        Duration initial = positiveDuration(prefix + "initial-delay", defaults.initialDelay());
        Duration max = positiveDuration(prefix + "max-delay", defaults.maxDelay().compareTo(initial) < 0
                ? initial : defaults.maxDelay());
        if (max.compareTo(initial) < 0) {
            throw new InvalidSourceConfiguration(prefix + "max-delay: '" + max + "' is shorter than " + prefix
                    + "initial-delay");
        }
        return new RetryPolicy(maxAttempts, initial, max);
    }

    private Ordering ordering(String prefix) {
        Optional<String> ordered = optional(prefix + "ordered");
        boolean on = ordered.map(v -> v.equalsIgnoreCase("true")).orElse(false);
        if (ordered.isPresent() && !on && !ordered.get().equalsIgnoreCase("false")) {
            throw new InvalidSourceConfiguration(prefix + "ordered: '" + ordered.get() + "' is neither true nor false");
        }
        Selector key = selector(prefix + "ordering-key", null);
        if (!on && key != null) {
            throw new InvalidSourceConfiguration(prefix + "ordering-key is set but " + prefix + "ordered is not true");
        }
        return on ? new Ordering(key) : null;
    }

    /** @param preset the status the scheme's sender needs, answered without a body, or 0 */
    private Acknowledgement acknowledgement(String prefix, int preset) {
        Optional<String> statusText = optional(prefix + "status");
        Optional<String> body = optional(prefix + "body");
        Optional<String> contentType = optional(prefix + "content-type");
        if (statusText.isEmpty() && body.isEmpty() && contentType.isEmpty()) {
            return preset == 0 ? null : new Acknowledgement(preset, "", Acknowledgement.TEXT);
        }
        Integer status = null;
        if (statusText.isPresent()) {
            try {
                status = Integer.parseInt(statusText.get());
            } catch (NumberFormatException e) {
                // answered below
            }
            if (status == null || status < 200 || status > 299) {
                throw new InvalidSourceConfiguration(prefix + "status: '" + statusText.get()
                        + "' is not a 2xx status: a delivery that is stored is acknowledged as a success");
            }
        }
        if (contentType.isPresent() && body.isEmpty()) {
            throw new InvalidSourceConfiguration(prefix + "content-type is set but " + prefix + "body is not");
        }
        if (body.isPresent() && status != null && status == 204) {
            throw new InvalidSourceConfiguration(prefix + "body is set but " + prefix + "status is 204 (No Content)");
        }
        return new Acknowledgement(status, body.orElse(null), body.isPresent()
                ? contentType.orElse(Acknowledgement.TEXT) : null);
    }

    private int positiveInt(String key, int fallback) {
        Optional<String> text = optional(key);
        try {
            int value = text.map(Integer::parseInt).orElse(fallback);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidSourceConfiguration(key + ": '" + text.orElse("") + "' is not a positive whole number");
    }

    private Duration positiveDuration(String key, Duration fallback) {
        Optional<String> text = optional(key);
        try {
            Duration value = text.map(Duration::parse).orElse(fallback);
            if (!value.isNegative() && !value.isZero()) {
                return value;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidSourceConfiguration(key + ": '" + text.orElse("") + "' is not a positive ISO-8601 duration"
                + " such as PT5S");
    }

    private Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}
