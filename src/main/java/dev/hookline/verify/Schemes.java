package dev.hookline.verify;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every scheme Hookline knows, by configuration name: the classes whose algorithm is their own, and the providers. */
public final class Schemes {

    private static final Map<String, Scheme> BY_NAME = Stream.concat(
                    Stream.of(new GithubScheme(), new HmacScheme(), new LegacySha256Scheme(), new TwilioScheme(),
                            new SnsScheme(SnsCertificates.overHttps(), SnsScheme::confirmOverHttps)),
                    Providers.all().stream())
            .collect(Collectors.toMap(Scheme::name, Function.identity(), (a, b) -> {
                throw new IllegalStateException("two schemes named " + a.name());
            }, TreeMap::new));

    private Schemes() {
    }

    public static Optional<Scheme> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every scheme, by name. */
    public static java.util.Collection<Scheme> all() {
        return BY_NAME.values();
    }

    public static String names() {
        return String.join(", ", BY_NAME.keySet());
    }
}
