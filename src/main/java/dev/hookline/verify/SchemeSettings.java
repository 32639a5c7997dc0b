package dev.hookline.verify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a scheme is given to build a source's verifier: the secrets, the timestamp tolerance, the clock, and the
 * source's scheme-specific options ({@code hookline.source.<name>.<option>}).
 */
public record SchemeSettings(String source,
                             List<Secret> secrets,
                             Duration tolerance,
                             Clock clock,
                             Function<String, Optional<String>> options) {

    public Optional<String> option(String name) {
        return options.apply(name);
    }

    public String option(String name, String fallback) {
        return option(name).orElse(fallback);
    }

    public Freshness freshness() {
        return new Freshness(tolerance, clock);
    }

    /** An error that names the option's full configuration key. */
    public IllegalArgumentException invalid(String option, String why) {
        return new IllegalArgumentException("hookline.source." + source + "." + option + ": " + why);
    }
}
