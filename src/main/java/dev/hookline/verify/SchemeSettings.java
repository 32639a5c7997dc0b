package dev.hookline.verify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a scheme is given to build a source's verifier: the secrets, the timestamp tolerance, the clock, the
 * source's scheme-specific options ({@code hookline.source.<name>.<option>}), and where secrets learned in handshakes
 * are kept.
 */
public record SchemeSettings(String source,
                             List<Secret> secrets,
                             Duration tolerance,
                             Clock clock,
                             Function<String, Optional<String>> options,
                             LearnedSecrets learned) {

    public SchemeSettings(String source, List<Secret> secrets, Duration tolerance, Clock clock,
                          Function<String, Optional<String>> options) {
        this(source, secrets, tolerance, clock, options, LearnedSecrets.NONE);
    }

    public Optional<String> option(String name) {
        return options.apply(name);
    }

    public String option(String name, String fallback) {
        return option(name).orElse(fallback);
    }

    public Freshness freshness() {
        return new Freshness(tolerance, clock);
    }

    /** An instant option, such as the end of a handshake window; absent when not set. */
    public Optional<java.time.Instant> instant(String option) {
        return option(option).map(text -> {
            try {
                return java.time.Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw invalid(option, "'" + text + "' is not an ISO-8601 instant such as 2026-12-05T12:00:00Z");
            }
        });
    }

    /** An error that names the option's full configuration key. */
    public IllegalArgumentException invalid(String option, String why) {
        return new IllegalArgumentException("hookline.source." + source + "." + option + ": " + why);
    }
}
